// Package ledger: a realistic sample for the Go definitions query.
package ledger

import (
	"errors"
	"sync"
)

// MaxEntries bounds a ledger.
const MaxEntries = 1000

const (
	LevelDebug Level = iota
	LevelInfo
)

var ErrNotFound = errors.New("not found")

var (
	defaultName      = "main"
	retries, backoff = 3, 2
)

type Level int

type Key = string

// Store is what a ledger needs from its backing store.
type Store interface {
	Get(key Key) ([]byte, error)
	Put(key Key, value []byte, tags ...string) error
}

type Entry[T any] struct {
	Key   Key
	Value T
}

// Ledger is an append-only log.
type Ledger[T any] struct {
	sync.Mutex
	*Options
	store         Store
	entries, tail []Entry[T] // tail holds unflushed entries
}

type Options struct{ Name string }

func New[T any](store Store, opts ...func(*Options)) *Ledger[T] {
	return &Ledger[T]{store: store}
}

func (l *Ledger[T]) Append(entry Entry[T]) int {
	l.Lock()
	defer l.Unlock()
	// append never reorders
	l.entries = append(l.entries, entry)
	return len(l.entries)
}

func (l Ledger[T]) Len() int { return len(l.entries) }

func (o *Options) Apply(name string, _ int) { o.Name = name }

func (Level) String() string { return "level" }

func Replay[T any](l *Ledger[T], from, to int) []Entry[T] {
	visit := func(e Entry[T]) bool { return e.Key != "" }
	var out []Entry[T]
	for _, e := range l.entries[from:to] {
		if visit(e) {
			out = append(out, e)
		}
	}
	return out
}
