/*
 * The EVTX chunk reader with every template walked token by token, never
 * decoded once and replayed (csrc/evtx_chunk.c built with
 * LOGONERR_EVTX_WALK_ONLY), under names of its own: what
 * fuzz_evtxreplay.c holds the usual reader to.
 */
#define LOGONERR_EVTX_WALK_ONLY
#define logonerr_evtx_crc32 walk_only_crc32
#define logonerr_evtx_chunk_reader_new walk_only_reader_new
#define logonerr_evtx_chunk_reader_free walk_only_reader_free
#define logonerr_evtx_batch_free walk_only_batch_free
#define logonerr_evtx_read_chunk walk_only_read_chunk
#include "evtx_chunk.c"
