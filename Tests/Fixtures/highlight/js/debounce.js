// Debounce the search box so we query the index at most every 150 ms.
export function debounce(fn, wait = 150) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn.apply(this, args), wait);
  };
}

const input = document.querySelector('#search');
const results = [];
input.addEventListener("input", debounce(async (event) => {
  const query = event.target.value.trim().toLowerCase();
  if (query.length < 2) return;
  /* Shards are named by the first two letters. */
  const shard = await fetch(`/search/${query.slice(0, 2)}.json`).then(r => r.json());
  const words = query.split(/\s+/g).filter(Boolean);
  results.push(...shard.filter(note => words.every(w => note.text.includes(w))));
  console.log(`found ${results.length} notes in ${performance.now() - start} ms`, 0x1f, 1_000);
}));
