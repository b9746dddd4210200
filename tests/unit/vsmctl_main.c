// SPDX-License-Identifier: GPL-2.0
/*
 * vsmctl_main.c - vsmctl.c with its main() renamed vsmctl_main(), for
 * test_cli to call.
 */

int vsmctl_main(int argc, char **argv);

#define main vsmctl_main
#include "vsmctl.c"
