/* Makes the JPEG-LS test fixtures with CharLS (Debian libcharls-dev 2.4). See README.md for the commands.
   For each case: NAME.jls (CharLS encode) and NAME.decoded (CharLS decode, samples interleaved, little endian). */
#include <charls/charls.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Same formula as JpegLsFixtureTests.Pattern: gradients with noise plus flat blocks (run mode). */
static uint32_t pattern(uint32_t x, uint32_t y, uint32_t c, uint32_t maxval)
{
    if (((x >> 3) + (y >> 2)) % 3 == 0) return (maxval / 3 + c) % (maxval + 1);
    uint32_t h = x * 7919u + y * 104729u + c * 31337u;
    uint32_t noise = (h * 2654435761u) >> 28;
    return ((x * 37u + y * 91u + c * 50u) * (maxval / 255u + 1u) + noise) % (maxval + 1u);
}

static int make(const char* name, int w, int h, int comps, int bits, int near, int ilv, int maxval_lse, int t1, int t2, int t3, int reset, int flat)
{
    int bps = bits > 8 ? 2 : 1;
    size_t n = (size_t)w * h * comps;
    uint32_t maxval = maxval_lse ? (uint32_t)maxval_lse : (1u << bits) - 1u;
    uint8_t* src = calloc(n, bps);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            for (int c = 0; c < comps; c++)
            {
                uint32_t v = flat ? maxval / 2 : pattern(x, y, c, maxval);
                /* ILV none: CharLS wants planes; line/sample: interleaved pixels. */
                size_t i = ilv == 0 ? ((size_t)c * h + y) * w + x : ((size_t)y * w + x) * comps + c;
                if (bps == 1) src[i] = (uint8_t)v; else ((uint16_t*)src)[i] = (uint16_t)v;
            }

    charls_jpegls_encoder* enc = charls_jpegls_encoder_create();
    charls_frame_info fi = {(uint32_t)w, (uint32_t)h, bits, comps};
    charls_jpegls_encoder_set_frame_info(enc, &fi);
    charls_jpegls_encoder_set_near_lossless(enc, near);
    charls_jpegls_encoder_set_interleave_mode(enc, (charls_interleave_mode)ilv);
    if (maxval_lse || t1 || reset)
    {
        charls_jpegls_pc_parameters pc = {maxval_lse, t1, t2, t3, reset};
        if (charls_jpegls_encoder_set_preset_coding_parameters(enc, &pc)) { fprintf(stderr, "%s: presets rejected\n", name); return 1; }
    }
    size_t cap = n * bps * 2 + 1024;
    uint8_t* out = malloc(cap);
    charls_jpegls_encoder_set_destination_buffer(enc, out, cap);
    charls_jpegls_errc e = charls_jpegls_encoder_encode_from_buffer(enc, src, n * bps, 0);
    if (e) { fprintf(stderr, "%s: encode error %d %s\n", name, e, charls_get_error_message(e)); return 1; }
    size_t written = 0;
    charls_jpegls_encoder_get_bytes_written(enc, &written);
    char path[256];
    snprintf(path, sizeof path, "%s.jls", name);
    FILE* f = fopen(path, "wb"); fwrite(out, 1, written, f); fclose(f);

    /* Decode with CharLS and store in DICOM order (samples interleaved). */
    charls_jpegls_decoder* dec = charls_jpegls_decoder_create();
    charls_jpegls_decoder_set_source_buffer(dec, out, written);
    charls_jpegls_decoder_read_header(dec);
    uint8_t* dst = malloc(n * bps);
    e = charls_jpegls_decoder_decode_to_buffer(dec, dst, n * bps, 0);
    if (e) { fprintf(stderr, "%s: decode error %d\n", name, e); return 1; }
    uint8_t* inter = malloc(n * bps);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            for (int c = 0; c < comps; c++)
            {
                size_t from = ilv == 0 ? ((size_t)c * h + y) * w + x : ((size_t)y * w + x) * comps + c;
                size_t to = ((size_t)y * w + x) * comps + c;
                memcpy(inter + to * bps, dst + from * bps, bps);
            }
    snprintf(path, sizeof path, "%s.decoded", name);
    f = fopen(path, "wb"); fwrite(inter, 1, n * bps, f); fclose(f);
    printf("%s %d %d %d %d %d %d %u %zu\n", name, w, h, comps, bits, near, ilv, maxval, written);
    charls_jpegls_encoder_destroy(enc);
    charls_jpegls_decoder_destroy(dec);
    free(src); free(out); free(dst); free(inter);
    return 0;
}

int main(void)
{
    int r = 0;
    setvbuf(stdout, NULL, _IONBF, 0);
    /*          name                 w   h  comps bits near ilv maxval t1 t2 t3 reset flat */
    r |= make("mono2_lossless",      37, 19, 1,  2,  0,   0,  0,     0, 0, 0,  0,    0);
    r |= make("mono8_lossless",      40, 23, 1,  8,  0,   0,  0,     0, 0, 0,  0,    0);
    r |= make("mono8_near2",         40, 23, 1,  8,  2,   0,  0,     0, 0, 0,  0,    0);
    r |= make("mono12_lossless",     41, 17, 1, 12,  0,   0,  0,     0, 0, 0,  0,    0);
    r |= make("mono12_lse",          41, 17, 1, 12,  0,   0,  0,     5, 11, 40, 32,  0);
    r |= make("mono16_maxval4095",   41, 17, 1, 16,  0,   0,  4095,  0, 0, 0,  0,    0);
    r |= make("mono16_lossless",     33, 21, 1, 16,  0,   0,  0,     0, 0, 0,  0,    0);
    r |= make("mono16_near3",        33, 21, 1, 16,  3,   0,  0,     0, 0, 0,  0,    0);
    r |= make("mono16_flat",         64,  9, 1, 16,  0,   0,  0,     0, 0, 0,  0,    1);
    r |= make("rgb8_ilv0",           30, 14, 3,  8,  0,   0,  0,     0, 0, 0,  0,    0);
    r |= make("rgb8_ilv1",           30, 14, 3,  8,  0,   1,  0,     0, 0, 0,  0,    0);
    r |= make("rgb8_ilv2",           30, 14, 3,  8,  0,   2,  0,     0, 0, 0,  0,    0);
    r |= make("rgb8_ilv1_near2",     30, 14, 3,  8,  2,   1,  0,     0, 0, 0,  0,    0);
    r |= make("rgb8_ilv2_near1",     30, 14, 3,  8,  1,   2,  0,     0, 0, 0,  0,    0);
    r |= make("rgb16_ilv2",          21, 11, 3, 16,  0,   2,  0,     0, 0, 0,  0,    0);
    return r;
}
