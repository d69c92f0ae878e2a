# Shared by the bench/*.sh harnesses: source it after `cd` to the repository root.

# the time now in milliseconds
millis() { date +%s%3N; }

# the median of the numbers on standard input, one a line
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Sets jar (the graft.jar the harness runs, which must exist), java, and work (a scratch folder removed
# at exit, holding the launcher's XDG cache), and leaves GRAFT_SITES out of the runs.
graft_jar_and_scratch() {
    jar=distribution/target/graft.jar
    [ -f "$jar" ] || { echo "no $jar: run ./graft --version first" >&2; exit 2; }
    java=${JAVA:-java}
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    export XDG_CACHE_HOME="$work/xdg"
    unset GRAFT_SITES
}
