# Turns titles into URL slugs, the way the old site did.
require "set"

module Notes
  class Slugger
    attr_reader :seen

    def initialize(reserved: %w[tags people])
      @seen = Set.new(reserved)
      @count = 0
    end

    def slug(title)
      base = title.downcase.gsub(/[^a-z0-9]+/, "-").gsub(/\A-|-\z/, "")
      base = "note" if base.empty?
      candidate = base
      n = 1
      while @seen.include?(candidate)
        candidate = "#{base}-#{n}"
        n += 1
      end
      @seen << candidate
      @count += 1
      candidate
    end
  end
end

slugger = Notes::Slugger.new
puts slugger.slug("Drive: The Surprising Truth")  # => "drive-the-surprising-truth"
puts :done, nil.to_a.inspect, 3.14
