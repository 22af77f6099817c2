# Sourced by the test, demo and benchmark scripts once they have set ROOT (the source
# tree): makes BUILD and SAHIFA absolute and finds SHARED (../shared) when present.
BUILD=${BUILD:-build}
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
SAHIFA=${SAHIFA:-$BUILD/sahifa}
case "$SAHIFA" in /*) ;; *) SAHIFA="$ROOT/$SAHIFA" ;; esac
if [ -z "${SHARED:-}" ] && [ -d "$ROOT/../shared" ]; then
	SHARED=$(cd "$ROOT/../shared" && pwd)
fi
SHARED=${SHARED:-}
export ROOT BUILD SAHIFA SHARED
