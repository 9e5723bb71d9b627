"""Writes an EVTX file's chunks with names changed: each OLD=NEW argument
replaces the UTF-16 text OLD by NEW (no longer than OLD, padded with
zeros), and the checksums are set right.  For logs of the same hosts and
record numbers that say other things (spec/events_parallel_spec.lua).
   python3 evtx_rename.py SRC DST OLD=NEW...
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evtx_chunks import chunks_of, fix_checksums  # noqa: E402


def main(src, dst, pairs):
    header, chunks = chunks_of(src)
    out = bytearray(header)
    for chunk in chunks:
        data = bytes(chunk)
        for pair in pairs:
            old, new = (s.encode('utf-16-le') for s in pair.split('=', 1))
            assert len(new) <= len(old), pair + ': the new name is longer'
            data = data.replace(old, new + b'\0' * (len(old) - len(new)))
        data = bytearray(data)
        fix_checksums(data)
        out += data
    with open(dst, 'wb') as f:
        f.write(bytes(out))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
