using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ManifestLint.HelmDiff;

/// <summary>How one document of our render compares with Helm's.</summary>
internal enum DocumentVerdict
{
    /// <summary>The same bytes.</summary>
    Identical,

    /// <summary>Other bytes, the same YAML data (key order, quoting or layout differ).</summary>
    ParsedEqual,

    /// <summary>Differs only in values that also differ between two runs of Helm, and those have the same shape.</summary>
    RandomOnly,

    /// <summary>A real difference (or a document only one side has).</summary>
    Different,
}

/// <summary>The comparison of one document; <see cref="Detail"/> says where it differs.</summary>
internal sealed record DocumentComparison(string Key, DocumentVerdict Verdict, string? Detail);

/// <summary>
/// Compares one document of ours with Helm's: bytes, then YAML data, then data where the values Helm draws at random
/// (those that differ between Helm's first and second run at the same YAML path) are compared by <see cref="RandomShape"/>.
/// </summary>
internal static class DocumentComparer
{
    public static DocumentComparison Compare(string key, string helm, string ours, Func<string?> secondHelm)
    {
        if (helm == ours)
            return new(key, DocumentVerdict.Identical, null);
        var h = Parse(helm);
        var o = Parse(ours);
        if (h is not null && o is not null && Data.Equal(h, o))
            return new(key, DocumentVerdict.ParsedEqual, null);

        var helm2 = secondHelm();
        if (helm2 is not null && helm2 != helm)
        {
            if (h is not null && o is not null && Parse(helm2) is { } h2)
            {
                var path = Data.FirstDifference(h, h2, o, "$");
                if (path is null)
                    return new(key, DocumentVerdict.RandomOnly, null);
                return new(key, DocumentVerdict.Different, "at " + path + "\n" + LineDiff(helm, ours));
            }

            if (RandomShape.Matches(ours, helm, helm2))
                return new(key, DocumentVerdict.RandomOnly, null);
        }

        var where = h is not null && o is not null ? "at " + (Data.FirstDifference(h, null, o, "$") ?? "$") + "\n" : o is null && h is not null ? "ours is not valid YAML\n" : string.Empty;
        return new(key, DocumentVerdict.Different, where + LineDiff(helm, ours));
    }

    /// <summary>A short diff of the first differing lines: the common head and tail are cut, a little context kept.</summary>
    public static string LineDiff(string helm, string ours, int maxLines = 12)
    {
        var a = helm.Split('\n');
        var b = ours.Split('\n');
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
            head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)])
            tail++;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"@@ line {head + 1} (- helm, + ours)\n");
        for (var i = Math.Max(0, head - 2); i < head; i++)
            sb.Append("   ").Append(Clip(a[i])).Append('\n');
        Hunk('-', a, head, a.Length - tail);
        Hunk('+', b, head, b.Length - tail);
        return sb.ToString();

        void Hunk(char sign, string[] lines, int from, int to)
        {
            for (var i = from; i < to && i < from + maxLines; i++)
                sb.Append(' ').Append(sign).Append(' ').Append(Clip(lines[i])).Append('\n');
            if (to - from > maxLines)
                sb.Append(CultureInfo.InvariantCulture, $" {sign} … {to - from - maxLines} more lines\n");
        }

        static string Clip(string line) => line.Length > 200 ? line[..200] + "…" : line;
    }

    private static YamlNode? Parse(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count switch
            {
                0 => new YamlScalarNode(null),
                1 => stream.Documents[0].RootNode,
                _ => new YamlSequenceNode(stream.Documents.Select(d => d.RootNode)),
            };
        }
        catch (YamlException)
        {
            return null;
        }
    }

    /// <summary>YAML data equality, and the first path where ours differs from Helm's in a way two Helm runs do not explain.</summary>
    private static class Data
    {
        public static bool Equal(YamlNode a, YamlNode b) => FirstDifference(a, null, b, "$") is null;

        /// <summary>
        /// Walks Helm's tree <paramref name="h"/>, Helm's second run <paramref name="h2"/> (null: no second run) and ours <paramref name="o"/>
        /// together; a scalar of ours that differs from Helm's is accepted when Helm's two runs differ there and ours has the shape.
        /// </summary>
        public static string? FirstDifference(YamlNode h, YamlNode? h2, YamlNode o, string path)
        {
            switch (h)
            {
                case YamlMappingNode hm when o is YamlMappingNode om:
                    {
                        var ours = Entries(om);
                        var second = h2 is YamlMappingNode h2m ? Entries(h2m) : null;
                        var theirs = Entries(hm);
                        foreach (var (k, v) in theirs)
                        {
                            if (!ours.TryGetValue(k, out var ov))
                                return path + "." + k + " (missing in ours)";
                            var d = FirstDifference(v, second is not null && second.TryGetValue(k, out var v2) ? v2 : null, ov, path + "." + k);
                            if (d is not null)
                                return d;
                        }

                        foreach (var k in ours.Keys)
                        {
                            if (!theirs.ContainsKey(k))
                                return path + "." + k + " (only in ours)";
                        }

                        return null;
                    }

                case YamlSequenceNode hs when o is YamlSequenceNode os:
                    {
                        if (hs.Children.Count != os.Children.Count)
                            return path + $" (helm has {hs.Children.Count} items, ours {os.Children.Count})";
                        var second = h2 is YamlSequenceNode h2s && h2s.Children.Count == hs.Children.Count ? h2s : null;
                        for (var i = 0; i < hs.Children.Count; i++)
                        {
                            var d = FirstDifference(hs.Children[i], second?.Children[i], os.Children[i], path + "[" + i + "]");
                            if (d is not null)
                                return d;
                        }

                        return null;
                    }

                case YamlScalarNode hsc when o is YamlScalarNode osc:
                    {
                        var hv = Canonical(hsc);
                        var ov = Canonical(osc);
                        if (hv == ov)
                            return null;
                        if (h2 is YamlScalarNode h2sc && Canonical(h2sc) is var h2v && h2v != hv
                            && hv.StartsWith("str:", StringComparison.Ordinal) == ov.StartsWith("str:", StringComparison.Ordinal)
                            && RandomShape.Matches(osc.Value ?? string.Empty, hsc.Value ?? string.Empty, h2sc.Value ?? string.Empty))
                            return null;
                        return path;
                    }

                default:
                    return path + " (" + Kind(h) + " in helm, " + Kind(o) + " in ours)";
            }
        }

        private static string Kind(YamlNode n) => n switch
        {
            YamlMappingNode => "mapping",
            YamlSequenceNode => "sequence",
            _ => "scalar",
        };

        private static Dictionary<string, YamlNode> Entries(YamlMappingNode m)
        {
            var d = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (k, v) in m.Children)
                d[k is YamlScalarNode s ? s.Value ?? string.Empty : k.ToString()] = v;
            return d;
        }

        /// <summary>A scalar as YAML 1.1 (yaml.v2, which Kubernetes tooling reads with) resolves it: quoted ones are strings, plain ones may be null, bool or a number.</summary>
        private static string Canonical(YamlScalarNode s)
        {
            var v = s.Value ?? string.Empty;
            if (s.Style is not ScalarStyle.Plain and not ScalarStyle.Any)
                return "str:" + v;
            if (v is "" or "~" or "null" or "Null" or "NULL")
                return "null";
            if (v is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y")
                return "bool:true";
            if (v is "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N")
                return "bool:false";
            if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                return "int:" + l.ToString(CultureInfo.InvariantCulture);
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && v.Any(char.IsAsciiDigit))
                return "float:" + d.ToString("R", CultureInfo.InvariantCulture);
            return "str:" + v;
        }
    }
}
