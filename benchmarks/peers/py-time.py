"""Times the Python BibTeX readers pybtex and bibtexparser on the generated corpus, as time.mjs times citation-js.

Usage: python3 py-time.py <corpus-dir> <repetitions> <count>...   (counts in ascending order)
Prints the same tab-separated lines as time.mjs (operation, path, records, median seconds, fastest seconds, input bytes)
with path "pybtex" (pybtex.database.parse_string) or "bibtexparser" (bibtexparser.loads with common_strings), for each
library that imports.
The file is read before the clock starts; each count gets a warm-up pass (which checks the record count) and
<repetitions> timed passes, except counts above 10,000: one timed pass, no warm-up. A library whose single pass on a
count took more than MAX_PASS_SECONDS (default 120) is not timed on the larger counts (a line on stderr says so).
"""
import os
import statistics
import sys
import time


def readers():
    found = []
    try:
        from pybtex.database import parse_string

        found.append(("pybtex", lambda text: len(parse_string(text, "bibtex").entries)))
    except ImportError as error:
        print(f"py-time: pybtex not available ({error})", file=sys.stderr)
    try:
        import bibtexparser
        from bibtexparser.bparser import BibTexParser

        # common_strings: the month macros (jan, feb, ...) every BibTeX style defines; without it 1.x stops at the
        # first "month = feb" with UndefinedString.
        found.append(("bibtexparser", lambda text: len(bibtexparser.loads(text, BibTexParser(common_strings=True)).entries)))
    except ImportError as error:
        print(f"py-time: bibtexparser not available ({error})", file=sys.stderr)
    return found


def main():
    directory, reps_text, *count_texts = sys.argv[1:]
    default_reps = int(reps_text)
    max_pass = float(os.environ.get("MAX_PASS_SECONDS", "120"))
    too_slow = set()
    for count_text in count_texts:
        count = int(count_text)
        big = count > 10000
        reps = 1 if big else default_reps
        with open(os.path.join(directory, f"chapters-{count}.bib"), encoding="utf-8") as file:
            text = file.read()
        size = len(text.encode("utf-8"))
        for name, run in readers():
            if name in too_slow:
                print(f"py-time: {name} not timed on {count} records (a pass on fewer took over {max_pass:.0f} s)", file=sys.stderr)
                continue
            passes = ([] if big else [None]) + list(range(reps))
            seconds = []
            for index in passes:
                start = time.perf_counter()
                got = run(text)
                elapsed = time.perf_counter() - start
                if got != count:
                    raise SystemExit(f"{name}: expected {count} records, got {got}")
                if index is not None:
                    seconds.append(elapsed)
            if max(seconds) > max_pass:
                too_slow.add(name)
            print(f"bibtex-read\t{name}\t{count}\t{statistics.median(seconds)}\t{min(seconds)}\t{size}", flush=True)


if __name__ == "__main__":
    main()
