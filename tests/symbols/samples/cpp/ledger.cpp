// Ledger storage: a realistic sample for the C++ definitions query.
#include <functional>
#include <string>
#include <vector>

namespace acme {

constexpr std::size_t kMaxEntries = 1000;
int debug_level = 0;

enum class Level { Debug = 10, Info };

class Store {
public:
    virtual ~Store() = default;
    virtual std::string get(const std::string &key) const = 0;
    virtual void put(const std::string &key, std::string value) = 0;
};

template <typename T>
class Ledger {
public:
    using Visitor = std::function<void(const T &)>;

    struct Cursor {
        std::size_t position;
        std::size_t advance(std::size_t step = 1) { return position += step; }
    };

    explicit Ledger(Store &store, std::string name = "main");
    std::size_t append(const T &entry);
    std::size_t append(T &&entry);
    const T *find(const std::string &key) const;
    template <typename... Keys> void replay(Visitor visit, Keys... keys) const;

private:
    Store &store_;
    std::vector<T> entries_;
    std::string name_;
};

template <typename T>
Ledger<T>::Ledger(Store &store, std::string name) : store_(store), name_(std::move(name)) {}

template <typename T>
std::size_t Ledger<T>::append(const T &entry) {
    entries_.push_back(entry);  // never reordered
    return entries_.size();
}

template <typename T>
const T *Ledger<T>::find(const std::string &key) const {
    /* linear scan: ledgers stay small */
    for (const auto &e : entries_) {
        if (e.key == key) return &e;
    }
    return nullptr;
}

auto by_key = [](const std::string &a, const std::string &b) { return a < b; };

}  // namespace acme

int main(int argc, char **argv) {
    return argc > 1 ? 0 : 1;
}
