#!/usr/bin/env bash
# Regenerates services/Portal/wwwroot/css/design-tokens.css and its licence from the npm package
# @digital-go-jp/design-tokens (the Digital Agency's design tokens, MIT). Needs npm, as does the
# local-government code script; the build and run use only the committed files.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-1.1.9}
target=services/Portal/wwwroot/css
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@digital-go-jp/design-tokens@$version" >/dev/null && tar xzf "digital-go-jp-design-tokens-$version.tgz")
cp "$work/package/LICENSE" "$target/design-tokens.LICENSE"

# The package's CSS custom properties, unchanged, under a line naming their source.
{
  printf '/* @digital-go-jp/design-tokens %s dist/tokens.css (MIT, see design-tokens.LICENSE), copied by scripts/regenerate-design-tokens.sh */\n' "$version"
  cat "$work/package/dist/tokens.css"
} > "$target/design-tokens.css"
echo "wrote $target/design-tokens.css ($(grep -c -- '^  --' "$target/design-tokens.css") tokens)"
