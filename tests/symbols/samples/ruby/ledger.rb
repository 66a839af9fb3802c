# Ledger storage: a realistic sample for the Ruby definitions query.
require "set"

module Acme
  VERSION = "1.4.0"

  # What a ledger needs from its backing store.
  module Store
    def get(key)
      raise NotImplementedError
    end

    def put(key, value, *tags)
      raise NotImplementedError
    end
  end

  class Ledger
    include Enumerable

    MAX_ENTRIES = 1000
    attr_reader :name, :entries
    attr_accessor :limit

    def initialize(store, name = "main", limit: MAX_ENTRIES, **options)
      @store = store
      @name = name
      @entries = []
    end

    def self.empty(store) = new(store)

    def append(entry, &on_append)
      @entries << entry # never reordered
      on_append&.call(entry)
      @entries.size
    end

    def each
      @entries.each { |e| yield e }
    end

    def size; @entries.size; end

    def ==(other)
      other.is_a?(Ledger) && other.entries == entries
    end

    class Cursor
      def initialize(ledger, position = 0)
        @ledger = ledger
        @position = position
      end

      def advance(step = 1)
        # moving forward never wraps
        @position += step
      end
    end

    private

    def compact!
      @entries.compact!
    end
  end
end

def replay(ledger, *keys, from: 0)
  ledger.select { |e| keys.include?(e.key) }.drop(from)
end
