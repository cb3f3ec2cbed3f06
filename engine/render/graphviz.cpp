// The Graphviz C API behind RAII (see graphviz.hpp).
#include "engine/render/graphviz.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "ergo/error.hpp"

namespace ergo::diagram::gv {
namespace {

std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

// Messages of the current session; only touched under graphviz_mutex().
std::string& collected() {
  static std::string text;
  return text;
}

int collect_message(char* message) {
  collected() += message;
  return 0;
}

char* mutable_text(const char* s) { return const_cast<char*>(s); }

[[noreturn]] void fail(const std::string& what, const Session& session) {
  std::string detail = session.messages();
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  throw Error(ErrorKind::runtime_error, "Graphviz: " + what + (detail.empty() ? "" : ": " + detail));
}

int put_string(void* chan, const char* text) {
  static_cast<std::string*>(chan)->append(text);
  return 0;
}
int flush_nothing(void*) { return 0; }

// The range DeterministicHeap allocates from. Reserved, not committed: pages
// are only backed by memory once touched, and arrive zeroed, as agalloc
// promises. Past the end, allocations fall back to calloc (still correct,
// only no longer address-ordered).
class Arena {
 public:
  static constexpr std::size_t kReserve = std::size_t{16} << 30;  // 16 GiB of address space

  Arena() {
    void* p = mmap(nullptr, kReserve, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    base_ = p == MAP_FAILED ? nullptr : static_cast<char*>(p);
  }
  ~Arena() {
    if (base_) munmap(base_, kReserve);
    for (void* p : overflow_) std::free(p);
  }

  // Gives everything back: the pages return to the system and read as zero
  // when next touched, and the next allocation starts at the base again, so
  // every render in a process sees the same addresses.
  void reset() {
    if (base_ && used_) madvise(base_, (used_ + 4095) & ~std::size_t{4095}, MADV_DONTNEED);
    used_ = 0;
    for (void* p : overflow_) std::free(p);
    overflow_.clear();
  }

  void* allocate(std::size_t n) {
    n = (n + 15) & ~std::size_t{15};
    if (base_ && used_ + n <= kReserve) {
      void* p = base_ + used_;
      used_ += n;
      return p;
    }
    void* p = std::calloc(1, n ? n : 1);
    if (p) overflow_.push_back(p);
    return p;
  }

  void* resize(void* old, std::size_t old_size, std::size_t new_size) {
    void* p = allocate(new_size);
    if (p && old) std::memcpy(p, old, std::min(old_size, new_size));
    return p;
  }

 private:
  char* base_ = nullptr;
  std::size_t used_ = 0;
  std::vector<void*> overflow_;
};

Arena* current_arena = nullptr;  // only touched under graphviz_mutex()
Agmemdisc_t heap_memory;         // the default discipline DeterministicHeap replaced

// Graphs opened while a DeterministicHeap lives get the arena as their state;
// graphs opened before it (cgraph's prototype graph, for one) got the default
// discipline's state and keep using it.
void* arena_open(Agdisc_t* disc) { return current_arena ? current_arena : heap_memory.open(disc); }
void* arena_alloc(void* state, size_t n) {
  if (state && state == current_arena) return current_arena->allocate(n);
  return heap_memory.alloc(state, n);
}
void* arena_resize(void* state, void* p, size_t old_size, size_t new_size) {
  if (state && state == current_arena) return current_arena->resize(p, old_size, new_size);
  return heap_memory.resize(state, p, old_size, new_size);
}
void arena_free(void* state, void* p) {
  if (!(state && state == current_arena)) heap_memory.free(state, p);
}
void arena_close(void* state) {
  if (!(state && state == current_arena)) heap_memory.close(state);
}

// The C library's random number generators, seeded the same way for each
// layout and handed back as they were: sfdp draws from rand() without seeding
// it, so without this a second layout in a process would differ from the
// first, and the host program's own random sequence would be disturbed.
class FixedRandomness {
 public:
  FixedRandomness() {
    previous_random_ = initstate(1, state_, sizeof state_);
    unsigned short seed[3] = {0x330E, 1, 0};  // srand48(1)
    unsigned short* previous = seed48(seed);
    std::memcpy(previous_drand_, previous, sizeof previous_drand_);
  }
  ~FixedRandomness() {
    setstate(previous_random_);
    seed48(previous_drand_);
  }
  FixedRandomness(const FixedRandomness&) = delete;
  FixedRandomness& operator=(const FixedRandomness&) = delete;

 private:
  char state_[256];
  char* previous_random_;
  unsigned short previous_drand_[3];
};

}  // namespace

DeterministicHeap::DeterministicHeap() : saved_(AgMemDisc) {
  heap_memory = saved_;
  static Arena arena;  // one address range for the process, reused
  current_arena = &arena;
  AgMemDisc = Agmemdisc_t{arena_open, arena_alloc, arena_resize, arena_free, arena_close};
}

DeterministicHeap::~DeterministicHeap() {
  AgMemDisc = saved_;
  current_arena->reset();
  current_arena = nullptr;
}

Session::Session() : lock_(graphviz_mutex()) {
  collected().clear();
  agreseterrors();
  previous_ = agseterrf(collect_message);
}

Session::~Session() { agseterrf(previous_); }

const std::string& Session::messages() const { return collected(); }

ContextPtr make_context() {
  ContextPtr c(gvContext());
  if (!c) throw Error(ErrorKind::runtime_error, "Graphviz: cannot create a context");
  return c;
}

GraphPtr make_graph(const char* name) {
  // The default discipline, except that agwrite appends to a std::string.
  static Agiodisc_t string_io{AgIoDisc.afread, put_string, flush_nothing};
  static Agdisc_t discipline{&AgMemDisc, &AgIdDisc, &string_io};  // AgMemDisc: see DeterministicHeap
  GraphPtr g(agopen(mutable_text(name), Agdirected, &discipline));
  if (!g) throw Error(ErrorKind::runtime_error, "Graphviz: cannot create a graph");
  return g;
}

Layout::Layout(GVC_t* gvc, Agraph_t* g, const std::string& engine, const Session& session)
    : gvc_(gvc), g_(g) {
  FixedRandomness randomness;
  if (gvLayout(gvc_, g_, engine.c_str()) != 0) {
    gvFreeLayout(gvc_, g_);
    fail("layout " + engine + " failed", session);
  }
}

Layout::~Layout() { gvFreeLayout(gvc_, g_); }

std::string Layout::render(const std::string& format, const Session& session) const {
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(gvc_, g_, format.c_str(), &data, &length);
  std::unique_ptr<char, void (*)(char*)> owned(data, [](char* d) {
    if (d) gvFreeRenderData(d);
  });
  if (rc != 0 || !data) fail("rendering " + format + " failed", session);
  return std::string(data, length);
}

std::string write_dot(Agraph_t* g) {
  // make_graph's discipline sends agwrite's output to the std::string.
  std::string out;
  if (agwrite(g, &out) != 0) throw Error(ErrorKind::runtime_error, "Graphviz: cannot write DOT");
  return out;
}

Agsym_t* declare(Agraph_t* g, int kind, const char* name, const char* default_value) {
  return agattr(g, kind, mutable_text(name), mutable_text(default_value));
}

void set(void* object, Agsym_t* attribute, const std::string& value) {
  agxset(object, attribute, mutable_text(value.c_str()));
}

void set_html(Agraph_t* g, void* object, Agsym_t* attribute, const std::string& html) {
  char* text = agstrdup_html(g, mutable_text(html.c_str()));
  agxset(object, attribute, text);
  agstrfree(g, text);
}

}  // namespace ergo::diagram::gv
