// Ledger storage: a realistic sample for the Kotlin definitions query.
package acme.storage

const val MAX_ENTRIES = 1000
val defaultName = "main"
var debugLevel = 0

typealias Key = String

/** What a ledger needs from its backing store. */
interface Store {
    val size: Int
    fun get(key: Key): ByteArray?
    fun put(key: Key, value: ByteArray, vararg tags: String)
}

enum class Level { DEBUG, INFO }

data class Entry<T>(val key: Key, var value: T, val level: Level = Level.INFO)

class Ledger<T>(private val store: Store, name: String = defaultName) : Iterable<Entry<T>> {
    private val entries = mutableListOf<Entry<T>>()
    var limit: Int = MAX_ENTRIES

    constructor(store: Store) : this(store, defaultName)

    fun append(entry: Entry<T>): Int {
        entries.add(entry) // never reordered
        return entries.size
    }

    fun find(key: Key): Entry<T>? = find(key, null)

    fun find(key: Key, fallback: Entry<T>?): Entry<T>? {
        /* linear scan: ledgers stay small */
        return entries.firstOrNull { it.key == key } ?: fallback
    }

    override fun iterator(): Iterator<Entry<T>> = entries.iterator()

    inner class Cursor(var position: Int = 0) {
        fun advance(step: Int = 1): Int {
            position += step
            return position
        }
    }

    companion object {
        const val VERSION = 2
        fun <T> empty(store: Store) = Ledger<T>(store)
    }
}

object Registry {
    private val ledgers = mutableMapOf<String, Ledger<*>>()
    fun register(name: String, ledger: Ledger<*>) {
        ledgers[name] = ledger
    }
}

fun <T> Ledger<T>.replay(vararg keys: Key, visit: (Entry<T>) -> Unit = {}) {
    forEach { if (it.key in keys) visit(it) }
}
