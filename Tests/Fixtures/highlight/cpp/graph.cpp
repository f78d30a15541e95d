#include <iostream>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

// Breadth-first distance between two notes in the link graph.
class LinkGraph {
public:
    void link(const std::string& from, const std::string& to) {
        edges_[from].push_back(to);
    }

    int distance(const std::string& start, const std::string& goal) const {
        std::unordered_map<std::string, int> seen{{start, 0}};
        std::queue<std::string> queue;
        queue.push(start);
        while (!queue.empty()) {
            auto node = queue.front();
            queue.pop();
            if (node == goal) return seen[node];
            auto it = edges_.find(node);
            if (it == edges_.end()) continue;
            for (const auto& next : it->second) {
                if (seen.count(next) == 0) {
                    seen[next] = seen[node] + 1;
                    queue.push(next);
                }
            }
        }
        return -1;
    }

private:
    std::unordered_map<std::string, std::vector<std::string>> edges_;
};

int main() {
    LinkGraph graph;
    graph.link("drive", "accelerate");
    graph.link("accelerate", "team-topologies");
    std::cout << graph.distance("drive", "team-topologies") << '\n';
    constexpr bool verbose = false;
    return verbose ? 1 : 0;
}
