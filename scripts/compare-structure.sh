#!/bin/sh
# Compares two rendered output folders by structure: the same files, and the same text in each
# once every number and content hash is masked (a machine with another CPU or libm may differ in last digits).
# Prints the files that differ; exits 1 if any does.
set -u
expected=$1 actual=$2
masked=$(mktemp -d)
trap 'rm -rf "$masked"' EXIT
mask() { sed -E 's/[0-9a-f]{16}/HASH/g; s/-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/#/g' "$1" > "$2"; }
status=0
files=$( (cd "$expected" && find . -type f ! -name .numerics; cd "$actual" && find . -type f ! -name .numerics) | sort -u)
for file in $files; do
	if [ ! -f "$expected/$file" ] || [ ! -f "$actual/$file" ]; then
		echo "only in one folder: $file"; status=1; continue
	fi
	mask "$expected/$file" "$masked/expected"
	mask "$actual/$file" "$masked/actual"
	if ! cmp -s "$masked/expected" "$masked/actual"; then echo "differs beyond numbers: $file"; status=1; fi
done
exit $status
