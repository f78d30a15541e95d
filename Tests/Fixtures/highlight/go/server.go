package main

import (
	"fmt"
	"log"
	"net/http"
	"time"
)

// healthHandler reports whether the notes index is loaded.
func healthHandler(ready *bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !*ready {
			http.Error(w, "index not loaded", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintf(w, "ok %d\n", time.Now().Unix())
	}
}

func main() {
	ready := false
	go func() {
		time.Sleep(2 * time.Second)
		ready = true
	}()
	http.HandleFunc("/healthz", healthHandler(&ready))
	addr := `:8080`
	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, nil))
}
