// Ledger storage: a realistic sample for the C# definitions query.
using System;
using System.Collections.Generic;

namespace Acme.Storage
{
    public delegate void EntryHandler(object sender, Entry entry);

    public enum Level { Debug = 10, Info }

    public interface IStore
    {
        byte[] Get(string key);
        void Put(string key, byte[] value, params string[] tags);
        int Count { get; }
    }

    public record Entry(string Key, byte[] Value);

    public struct Offset
    {
        public long Position;
    }

    public class Ledger<T> : IEnumerable<T> where T : class
    {
        public const int MaxEntries = 1000;
        private readonly IStore _store;
        private readonly List<T> _entries = new(), _tail = new();

        public string Name { get; set; } = "main";
        public event EntryHandler Changed;

        public Ledger(IStore store, string name = "main")
        {
            _store = store;
            Name = name;
        }

        public int Append(T entry)
        {
            _entries.Add(entry); // never reordered
            return _entries.Count;
        }

        public T Find(string key) => Find(key, null);

        public T Find(string key, T fallback)
        {
            /* linear scan: ledgers stay small */
            return _entries.Find(e => e.ToString() == key) ?? fallback;
        }

        public IEnumerator<T> GetEnumerator() => _entries.GetEnumerator();

        public class Cursor
        {
            public int Position { get; private set; }

            public int Advance(int step = 1) => Position += step;
        }
    }
}
