/* SPDX-License-Identifier: GPL-2.0 */
/* The one place the release is named: the Makefile and DKMS read it too. */
#define VEM_VERSION "0.1.0"
