# Statements and receipts print: headless Chromium renders them to a PNG that is not blank (more
# than one colour). Skipped, with a message, where Chromium is not installed.
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then echo "skip: chromium is not installed (apt-get install chromium)"; exit 0; fi
import_samples
otc statement C1006 --as-of 2026-10-31 --out docs; expect_rc 0
otc statement C1003 --as-of 2026-10-31 --since 2026-06-01 --out docs; expect_rc 0
otc statement receipt PMT-5123 --as-of 2026-10-31 --out docs; expect_rc 0
for f in docs/statement_C1006.html docs/activity_C1003.html docs/receipt_PMT-5123.html; do
  png="$f.png"
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$PWD/chrome-profile" \
    --screenshot="$PWD/$png" --window-size=1200,1600 "file://$PWD/$f" >chrome.log 2>&1 || true
  [ -s "$png" ] || { cat chrome.log; fail "chromium wrote no PNG for $f"; }
  python3 - "$png" <<'PY' || fail "$png is blank"
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n'
pos, idat, ihdr = 8, b'', None
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
    if kind == b'IHDR': ihdr = struct.unpack('>IIBBBBB', body)
    elif kind == b'IDAT': idat += body
w, h, depth, ctype = ihdr[0], ihdr[1], ihdr[2], ihdr[3]
bpp = {2: 3, 6: 4, 0: 1, 4: 2}[ctype] * depth // 8
raw = zlib.decompress(idat)
stride = w * bpp
colours = set()
# Unfilter enough rows to see the text (filters: none/sub/up/average/paeth).
prev = bytearray(stride)
for y in range(min(h, 900)):
    f = raw[y * (stride + 1)]; line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp * 7): colours.add(bytes(line[x:x + bpp]))
    prev = line
    if len(colours) > 2: break
sys.exit(0 if len(colours) > 1 else 1)
PY
done
