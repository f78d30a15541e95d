# Find which commit broke the build
git bisect start HEAD v1.4.0
git bisect run make test

# Count notes per author, largest first
git log --format='%an' -- content/ | sort | uniq -c | sort -rn | head -n 5

files=$(find content -name '*.md' -newer .last-build | wc -l)
echo "changed: $files files"
while read -r line; do
  case "$line" in
    draft:*) echo "skipping $line" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < notes.txt
