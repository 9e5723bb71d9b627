"""EVTX chunks as bytes, for the tools that make test and bench logs
(bench/evtx-grow.py, spec/support/evtx_seal.py): the chunks of a file,
the records of a chunk, the values of a record's template instance, and a
chunk's checksums set right after a change."""
import struct
import zlib

FILETIME_TYPE, UINT64_TYPE, BINXML_TYPE = 0x11, 0x0A, 0x21


def chunks_of(path):
    """The file header (4 KB) and the chunks in use of the EVTX at path."""
    data = open(path, 'rb').read()
    assert data[:8] == b'ElfFile\0', path + ': not EVTX'
    n = struct.unpack_from('<H', data, 42)[0]  # chunks in use
    out = []
    for i in range(n):
        c = data[4096 + i * 65536:4096 + (i + 1) * 65536]
        if len(c) == 65536 and c[:8] == b'ElfChnk\0':
            out.append(c)
    return data[:4096], out


def records(chunk):
    """(offset, size) of each record in a chunk."""
    free = struct.unpack_from('<I', chunk, 48)[0]
    off = 512
    while off + 28 <= free and chunk[off:off + 4] == b'**\0\0':
        size = struct.unpack_from('<I', chunk, off + 4)[0]
        if size < 28 or off + size > free:
            break
        yield off, size
        off += size


def values(chunk, off, p=None):
    """(type, offset, size) of the values of the record's template
    instance, or [] when its binary XML starts otherwise; with p, of the
    binary XML at p instead (a value of type BINXML_TYPE: EventData's)."""
    p = off + 24 if p is None else p
    if chunk[p] == 0x0F:
        p += 4
    if chunk[p] != 0x0C:
        return []
    p += 1
    definition = struct.unpack_from('<I', chunk, p + 5)[0]
    p += 9
    if definition == p:  # defined here, inline: skip it
        p += 24 + struct.unpack_from('<I', chunk, p + 20)[0]
    count = struct.unpack_from('<I', chunk, p)[0]
    p += 4
    at = p + 4 * count
    out = []
    for i in range(count):
        size, kind = struct.unpack_from('<HB', chunk, p + 4 * i)
        out.append((kind, at, size))
        at += size
    return out


def fix_checksums(c):
    """Sets a chunk's (a bytearray's) two checksums to match its bytes (the
    records' only where its end of records is inside it)."""
    free = struct.unpack_from('<I', c, 48)[0]
    if 512 <= free <= len(c):
        struct.pack_into('<I', c, 52, zlib.crc32(bytes(c[512:free])) & 0xffffffff)
    struct.pack_into('<I', c, 124,
                     zlib.crc32(bytes(c[:120]) + bytes(c[128:512])) & 0xffffffff)


def fix_header(header, chunks, next_record):
    """Sets a file header's (a bytearray's) chunk count, last chunk, next
    record number and checksum."""
    struct.pack_into('<QQQ', header, 8, 0, chunks - 1, next_record)
    struct.pack_into('<H', header, 42, chunks)
    struct.pack_into('<I', header, 124, zlib.crc32(bytes(header[:120])) & 0xffffffff)
