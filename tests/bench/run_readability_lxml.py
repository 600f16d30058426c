"""readability-lxml (Debian python3-readability) over every <name>.html of a
directory, timing parse + extraction in one process:
python3 run_readability_lxml.py IN_DIR"""
import os
import sys
import time

# tests/bench/readability/ (the node peer) would shadow the Python package.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]
from readability import Document  # noqa: E402

directory = sys.argv[1]
names = sorted(n for n in os.listdir(directory) if n.endswith(".html"))
pages = [open(os.path.join(directory, n), encoding="utf-8", errors="replace").read() for n in names]
size = sum(len(p.encode("utf-8")) for p in pages)
start = time.perf_counter()
for html in pages:
    try:
        Document(html).summary()
    except Exception:  # a page it cannot handle still costs its time
        pass
ms = (time.perf_counter() - start) * 1000
mb = size / 1e6
print(f"{len(pages)} pages, {mb:.1f} MB, {ms:.1f} ms ({ms / len(pages):.2f} ms/page, {mb / (ms / 1000):.1f} MB/s)")
