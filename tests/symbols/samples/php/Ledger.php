<?php
// Ledger storage: a realistic sample for the PHP definitions query.
declare(strict_types=1);

namespace Acme\Storage {

const MAX_ENTRIES = 1000;
define('LEDGER_DEBUG', false);

interface Store
{
    public function get(string $key): ?string;
    public function put(string $key, string $value, string ...$tags): void;
}

trait Loggable
{
    protected array $log = [];

    public function log(string $message): void
    {
        $this->log[] = $message; // kept in memory only
    }
}

enum Level: int
{
    case Debug = 10;
    case Info = 20;

    public function label(): string
    {
        return strtolower($this->name);
    }
}

abstract class Ledger implements \Countable
{
    use Loggable;

    public const VERSION = 2;
    private array $entries = [], $tail = [];

    public function __construct(private Store $store, protected string $name = 'main')
    {
    }

    public function append(array $entry): int
    {
        /* never reordered */
        $this->entries[] = $entry;
        return count($this->entries);
    }

    public static function empty(Store $store): static
    {
        return new static($store);
    }

    abstract protected function compact(int $level = 0): int;
}

function replay(Ledger $ledger, callable $visit, string ...$keys): void
{
    foreach ($keys as $key) {
        $visit($ledger, $key);
    }
}

}
