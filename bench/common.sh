# Shared by the bench/*.sh harnesses: source it after `cd` to the repository root.

# the time now in milliseconds
millis() { date +%s%3N; }

# the median of the numbers on standard input, one a line
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
