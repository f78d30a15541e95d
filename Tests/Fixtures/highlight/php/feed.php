<?php
declare(strict_types=1);

namespace Notes\Feed;

/**
 * Renders the latest notes as a JSON feed.
 */
final class JsonFeed
{
    private const VERSION = 'https://jsonfeed.org/version/1.1';

    public function __construct(private array $notes, private int $limit = 20) {}

    public function render(): string
    {
        $items = [];
        foreach (array_slice($this->notes, 0, $this->limit) as $note) {
            // Skip drafts; they never leave the build.
            if ($note['draft'] ?? false) {
                continue;
            }
            $items[] = ['id' => $note['url'], 'title' => $note['title'], 'words' => $note['words'] * 1.0];
        }
        return json_encode(['version' => self::VERSION, 'items' => $items], JSON_PRETTY_PRINT);
    }
}

$feed = new JsonFeed([['url' => '/books/drive/', 'title' => "Drive", 'words' => 812, 'draft' => false]]);
echo "Feed for {$feed->render()} done\n";
