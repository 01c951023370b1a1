#!/usr/bin/env bash
# Rebuilds src/GovBot.Skills/Nlu/Classifier/pinyin.txt from the Unicode Character Database's Unihan readings
# (Debian package unicode-data). Each line: a toneless syllable, a space, every GB2312 character whose first
# Mandarin reading it is. The classifier reads pinyin beside the characters, so that a dictated homophone (消访 for
# 消防, 电悌 for 电梯) still looks like the word it stands for. Run it only to refresh the table; the table is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=/usr/share/unicode
[ -f "$dir/Unihan_Readings.txt.bz2" ] || { apt-get install -y unicode-data >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y unicode-data >/dev/null; }; }
python3 - "$dir" > src/GovBot.Skills/Nlu/Classifier/pinyin.txt <<'PY'
import bz2, sys, unicodedata, collections
d = sys.argv[1]
gb = set()
for line in bz2.open(f"{d}/Unihan_OtherMappings.txt.bz2", "rt", encoding="utf-8"):
    if "\tkGB0\t" in line:
        gb.add(int(line.split("\t")[0][2:], 16))
reading = {}
for line in bz2.open(f"{d}/Unihan_Readings.txt.bz2", "rt", encoding="utf-8"):
    if "\tkMandarin\t" in line:
        code, _, value = line.rstrip("\n").split("\t")
        cp = int(code[2:], 16)
        if cp in gb:
            first = value.split()[0]
            plain = "".join(c for c in unicodedata.normalize("NFD", first) if not unicodedata.combining(c))
            reading[cp] = plain.replace("ü", "v")
by = collections.defaultdict(list)
for cp, syl in sorted(reading.items()):
    by[syl].append(chr(cp))
print("# Toneless pinyin of the GB2312 characters: syllable, space, characters. From the Unicode Character Database")
print("# (Unihan_Readings.txt, kMandarin, first reading; Unicode License v3). Rebuilt by scripts/pinyin-table.sh.")
for syl in sorted(by):
    print(syl, "".join(by[syl]))
PY
wc -l src/GovBot.Skills/Nlu/Classifier/pinyin.txt
