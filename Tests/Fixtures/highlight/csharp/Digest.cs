using System;
using System.Collections.Generic;
using System.Linq;

namespace Team.Notes
{
    /// <summary>Builds the weekly digest e-mail.</summary>
    public sealed class Digest
    {
        private readonly List<string> _titles = new();
        public int Limit { get; init; } = 10;

        public void Add(string title)
        {
            if (string.IsNullOrWhiteSpace(title)) return;
            _titles.Add(title.Trim());
        }

        public string Render(DateTime week)
        {
            var lines = _titles.Take(Limit).Select((t, i) => $"{i + 1}. {t}");
            var path = @"C:\digests\weekly.txt";
            return $"Week of {week:yyyy-MM-dd}\n" + string.Join("\n", lines) + path;
        }

        public static void Main()
        {
            var digest = new Digest { Limit = 3 };
            foreach (var title in new[] { "Drive", "Accelerate", null })
            {
                digest.Add(title ?? "");
            }
            Console.WriteLine(digest.Render(DateTime.Today));
            char bullet = '-';
            decimal share = 0.25m;
            Console.WriteLine($"{bullet} {share:P0}");
        }
    }
}
