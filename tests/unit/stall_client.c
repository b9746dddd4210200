// SPDX-License-Identifier: GPL-2.0
/*
 * stall_client.c - a bad vsmctl for test_vsmd_daemon.sh: connects to the
 * socket in argv[1], sends the first bytes of a frame header, then says
 * nothing for argv[2] seconds.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

int main(int argc, char **argv)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd;

	if (argc != 3 || strlen(argv[1]) >= sizeof(sun.sun_path))
		return 2;
	strcpy(sun.sun_path, argv[1]);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof(sun)) ||
	    write(fd, "\0\0\1", 3) != 3) {
		perror("stall_client");
		return 1;
	}
	sleep(atoi(argv[2]));
	close(fd);
	return 0;
}
