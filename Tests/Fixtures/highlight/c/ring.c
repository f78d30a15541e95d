#include <stdio.h>
#include <stdlib.h>
#define CAPACITY 8

/* A fixed-size ring buffer of recent build times, in milliseconds. */
typedef struct {
    unsigned int head;
    unsigned int count;
    double items[CAPACITY];
} ring_t;

static void ring_push(ring_t *ring, double value) {
    ring->items[ring->head] = value;
    ring->head = (ring->head + 1) % CAPACITY;
    if (ring->count < CAPACITY) {
        ring->count++;
    }
}

static double ring_mean(const ring_t *ring) {
    double sum = 0.0;
    for (unsigned int i = 0; i < ring->count; i++) {
        sum += ring->items[i];
    }
    return ring->count ? sum / ring->count : 0.0;
}

int main(void) {
    ring_t ring = {0};
    const char *label = "mean build time";
    for (int i = 1; i <= 10; i++) {
        ring_push(&ring, 900.0 + i * 12.5);
    }
    printf("%s: %.1f ms\n", label, ring_mean(&ring));
    return EXIT_SUCCESS;
}
