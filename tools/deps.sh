#!/bin/sh
# Install the Debian packages named as arguments that are not installed yet: with
# apt-get when run as root, otherwise print the exact command and fail.
missing=
for p in "$@"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "sahifa: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null \
		|| { echo "sahifa: apt-get install failed:$missing" >&2; exit 1; }
else
	echo "sahifa: missing Debian packages; run:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
