using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ManifestLint.Admission.Cel;

/// <summary>
/// The standard functions and Kubernetes' CEL libraries (strings, lists, regex, URLs, IP/CIDR, quantity,
/// semver, optional, authorizer). Each call is charged to the cost budget by the size of its input.
/// </summary>
internal static class CelFunctions
{
    private static readonly FrozenSet<string> Namespaces = FrozenSet.Create(StringComparer.Ordinal, "optional", "strings", "math", "sets", "ip");

    private static readonly FrozenSet<string> TypeNames = FrozenSet.Create(StringComparer.Ordinal, "int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type");

    private static readonly FrozenSet<string> Known = FrozenSet.Create(
        StringComparer.Ordinal,
        "size", "int", "uint", "double", "string", "bool", "bytes", "dyn", "type", "duration", "timestamp", "matches", "contains",
        "startsWith", "endsWith", "charAt", "indexOf", "lastIndexOf", "lowerAscii", "upperAscii", "replace", "split", "substring",
        "trim", "join", "reverse", "isSorted", "sum", "min", "max", "slice", "flatten", "find", "findAll", "hasValue", "value",
        "or", "orValue", "url", "isURL", "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath", "getQuery", "ip",
        "isIP", "cidr", "isCIDR", "family", "isUnspecified", "isLoopback", "isLinkLocalMulticast", "isLinkLocalUnicast",
        "isGlobalUnicast", "containsIP", "containsCIDR", "masked", "prefixLength", "quantity", "isQuantity", "sign", "isInteger",
        "asInteger", "asApproximateFloat", "add", "sub", "isGreaterThan", "isLessThan", "compareTo", "semver", "isSemver", "major",
        "minor", "patch", "serviceAccount", "group", "resource", "subresource", "namespace", "name", "check", "path", "allowed",
        "reason", "errored", "error", "optional.of", "optional.none", "optional.ofNonZeroValue", "ip.isCanonical", "strings.quote",
        "sets.contains", "sets.equivalent", "sets.intersects", "math.greatest", "math.least", "getSeconds", "getMinutes", "getHours",
        "getMilliseconds", "getFullYear", "getMonth", "getDayOfMonth", "getDayOfWeek", "getDayOfYear");

    private static readonly ConcurrentDictionary<string, Regex> Regexes = new(StringComparer.Ordinal);

    public static bool IsNamespace(string name) => Namespaces.Contains(name);

    /// <summary>Type names usable as values: <c>type(x) == string</c>.</summary>
    public static bool IsTypeName(string name) => TypeNames.Contains(name);

    public static bool IsKnown(string name) => Known.Contains(name) || name is "ip.isCanonical";

    public static object? Invoke(string fn, object? t, bool hasTarget, object?[] a, CelEvaluator ev)
    {
        var act = ev.Activation;
        if (!hasTarget)
        {
            switch (fn, a.Length)
            {
                case ("!_", 1): return a[0] is bool nb ? !nb : throw CelSemantics.NoOverload("!_", a[0]);
                case ("-_", 1):
                    return a[0] switch
                    {
                        long l when l != long.MinValue => -l,
                        double d => -d,
                        TimeSpan s => -s,
                        long => throw new CelEvalException("integer overflow"),
                        _ => throw CelSemantics.NoOverload("-_", a[0]),
                    };
                case ("_==_", 2): return CelSemantics.Equal(a[0], a[1]);
                case ("_!=_", 2): return !CelSemantics.Equal(a[0], a[1]);
                case ("_<_", 2): return CelSemantics.Compare(a[0], a[1]) < 0;
                case ("_<=_", 2): return CelSemantics.Compare(a[0], a[1]) <= 0;
                case ("_>_", 2): return CelSemantics.Compare(a[0], a[1]) > 0;
                case ("_>=_", 2): return CelSemantics.Compare(a[0], a[1]) >= 0;
                case ("_+_", 2):
                    act.Charge(a[0] is string or byte[] or ICelList ? Size(a[0]) / 10 : 0);
                    return CelSemantics.Add(a[0], a[1]);
                case ("_-_" or "_*_" or "_/_" or "_%_", 2): return CelSemantics.Arithmetic(fn[1..^1], a[0], a[1]);
                case ("@in", 2):
                    switch (a[1])
                    {
                        case ICelList l:
                            act.Charge(l.Count);
                            return CelSemantics.Enumerate(l).Any(x => CelSemantics.Equal(x, a[0]));
                        case ICelMap m:
                            if (a[0] is not null && m.TryGet(a[0]!, out _))
                                return true;
                            (m as YamlCelMap)?.Touch();
                            return false;
                        default:
                            throw CelSemantics.NoOverload("@in", a[0], a[1]);
                    }

                case ("optional.of", 1): return CelOptional.Of(a[0]);
                case ("optional.none", 0): return CelOptional.None;
                case ("optional.ofNonZeroValue", 1): return IsZero(a[0]) ? CelOptional.None : CelOptional.Of(a[0]);
                case ("strings.quote", 1): return "\"" + Str(a[0]).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
                case ("ip.isCanonical", 1): return CelIp.Parse(Str(a[0])).ToString() == Str(a[0]);
                case ("sets.contains", 2): return CelSemantics.Enumerate(List(a[1])).All(y => CelSemantics.Enumerate(List(a[0])).Any(x => CelSemantics.Equal(x, y)));
                case ("sets.equivalent", 2):
                    return CelSemantics.Enumerate(List(a[1])).All(y => CelSemantics.Enumerate(List(a[0])).Any(x => CelSemantics.Equal(x, y)))
                        && CelSemantics.Enumerate(List(a[0])).All(y => CelSemantics.Enumerate(List(a[1])).Any(x => CelSemantics.Equal(x, y)));
                case ("sets.intersects", 2): return CelSemantics.Enumerate(List(a[1])).Any(y => CelSemantics.Enumerate(List(a[0])).Any(x => CelSemantics.Equal(x, y)));
                case ("math.greatest" or "math.least", _):
                    {
                        var items = a.Length == 1 && a[0] is ICelList l ? CelSemantics.Enumerate(l).ToArray() : a;
                        if (items.Length == 0)
                            throw new CelEvalException($"{fn}(): list is empty");
                        return items.Aggregate((x, y) => (CelSemantics.Compare(x, y) >= 0) == (fn == "math.greatest") ? x : y);
                    }

                case ("size", 1): return Size(a[0]);
                case ("int", 1): return ToInt(a[0]);
                case ("uint", 1): return ToUint(a[0]);
                case ("double", 1): return ToDouble(a[0]);
                case ("string", 1): return a[0] is ICelList or ICelMap ? throw CelSemantics.NoOverload("string", a[0]) : CelSemantics.Format(a[0]);
                case ("bool", 1):
                    return a[0] switch
                    {
                        bool bb => bb,
                        string s when s is "true" or "True" or "TRUE" or "t" or "1" => true,
                        string s when s is "false" or "False" or "FALSE" or "f" or "0" => false,
                        _ => throw new CelEvalException($"type conversion error from '{CelSemantics.TypeName(a[0])}' to 'bool'"),
                    };
                case ("bytes", 1): return a[0] is string bs ? Encoding.UTF8.GetBytes(bs) : a[0] is byte[] by ? by : throw CelSemantics.NoOverload("bytes", a[0]);
                case ("dyn", 1): return a[0];
                case ("type", 1): return new CelType(CelSemantics.TypeName(a[0]));
                case ("duration", 1): return a[0] is TimeSpan ts ? ts : ParseDuration(Str(a[0]));
                case ("timestamp", 1):
                    return a[0] is DateTimeOffset dto ? dto
                        : DateTimeOffset.TryParse(Str(a[0]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) && Str(a[0]).Contains('T', StringComparison.Ordinal)
                            ? when : throw new CelEvalException($"timestamp: invalid value '{Str(a[0])}'");
                case ("matches", 2): return Matches(Str(a[0]), Str(a[1]), act);
                case ("url", 1): return CelUrl.Parse(Str(a[0]));
                case ("isURL", 1): return CelUrl.TryParse(Str(a[0]), out _);
                case ("ip", 1): return CelIp.Parse(Str(a[0]));
                case ("isIP", 1): return CelIp.TryParse(Str(a[0]), out _);
                case ("cidr", 1): return CelCidr.Parse(Str(a[0]));
                case ("isCIDR", 1): return CelCidr.TryParse(Str(a[0]), out _);
                case ("quantity", 1): return CelQuantity.Parse(Str(a[0]));
                case ("isQuantity", 1): return CelQuantity.TryParse(Str(a[0]), out _);
                case ("semver", 1): return CelSemver.Parse(Str(a[0]), false);
                case ("semver", 2): return CelSemver.Parse(Str(a[0]), a[1] is true);
                case ("isSemver", 1): return CelSemver.TryParse(Str(a[0]), false, out _);
                case ("isSemver", 2): return CelSemver.TryParse(Str(a[0]), a[1] is true, out _);
            }

            throw new CelEvalException($"found no matching overload for '{fn}' applied to ({string.Join(", ", a.Select(CelSemantics.TypeName))})");
        }

        switch (t)
        {
            case string s:
                act.Charge(1 + (s.Length / 10));
                return StringMethod(fn, s, a, act);
            case ICelList l:
                act.Charge(1 + l.Count);
                return ListMethod(fn, l, a);
            case CelOptional o:
                return fn switch
                {
                    "hasValue" => o.HasValue,
                    "value" => o.HasValue ? o.Value : throw new CelEvalException("optional.none() dereference"),
                    _ => throw CelSemantics.NoOverload(fn, t),
                };
            case CelUrl u:
                return u.Call(fn, a);
            case CelIp ip:
                return ip.Call(fn, a);
            case CelCidr c:
                return c.Call(fn, a);
            case CelQuantity q:
                return q.Call(fn, a);
            case CelSemver v:
                return v.Call(fn, a);
            case CelType { Name: "authorizer" }:
                return Authorize(new CelAuthorizerRequest(null), fn, a, act);
            case CelAuthorizerRequest r:
                return Authorize(r, fn, a, act);
            case CelAuthorizerDecision d:
                return fn switch
                {
                    "allowed" => d.Allowed,
                    "reason" => d.Reason,
                    "errored" => d.Error is not null,
                    "error" => d.Error ?? string.Empty,
                    _ => throw CelSemantics.NoOverload(fn, t),
                };
            case DateTimeOffset ts:
                var u8 = ts.UtcDateTime;
                return fn switch
                {
                    "getFullYear" => (long)u8.Year,
                    "getMonth" => (long)u8.Month - 1,
                    "getDayOfMonth" => (long)u8.Day - 1,
                    "getDayOfWeek" => (long)u8.DayOfWeek,
                    "getDayOfYear" => (long)u8.DayOfYear - 1,
                    "getHours" => (long)u8.Hour,
                    "getMinutes" => (long)u8.Minute,
                    "getSeconds" => (long)u8.Second,
                    "getMilliseconds" => (long)u8.Millisecond,
                    _ => throw CelSemantics.NoOverload(fn, t),
                };
            case TimeSpan span:
                return fn switch
                {
                    "getHours" => (long)span.TotalHours,
                    "getMinutes" => (long)span.TotalMinutes,
                    "getSeconds" => (long)span.TotalSeconds,
                    "getMilliseconds" => (long)span.TotalMilliseconds,
                    _ => throw CelSemantics.NoOverload(fn, t),
                };
            case ICelMap m when fn == "size" && a.Length == 0:
                return (long)m.Count;
            case byte[] b when fn == "size" && a.Length == 0:
                return (long)b.Length;
            default:
                throw new CelEvalException($"found no matching overload for '{fn}' applied to '{CelSemantics.TypeName(t)}'");
        }
    }

    private static object Authorize(CelAuthorizerRequest r, string fn, object?[] a, CelActivation act) => (fn, a.Length) switch
    {
        ("serviceAccount", 2) => r with { User = $"system:serviceaccount:{Str(a[0])}:{Str(a[1])}" },
        ("group", 1) => r with { Group = Str(a[0]) },
        ("resource", 1) => r with { Resource = Str(a[0]) },
        ("subresource", 1) => r with { Subresource = Str(a[0]) },
        ("namespace", 1) => r with { Namespace = Str(a[0]) },
        ("name", 1) => r with { Name = Str(a[0]) },
        ("path", 1) => r with { Path = Str(a[0]) },
        ("check", 1) => act.Authorizer?.Check(r.User, Str(a[0]), r.Group, r.Resource, r.Subresource, r.Namespace, r.Name, r.Path)
            ?? new CelAuthorizerDecision(false, "no RBAC data", "authorizer unavailable offline"),
        _ => throw new CelEvalException($"found no matching overload for '{fn}' applied to 'Authorizer'"),
    };

    private static object? StringMethod(string fn, string s, object?[] a, CelActivation act)
    {
        switch (fn, a.Length)
        {
            case ("size", 0): return Size(s);
            case ("contains", 1): return s.Contains(Str(a[0]), StringComparison.Ordinal);
            case ("startsWith", 1): return s.StartsWith(Str(a[0]), StringComparison.Ordinal);
            case ("endsWith", 1): return s.EndsWith(Str(a[0]), StringComparison.Ordinal);
            case ("matches", 1): return Matches(s, Str(a[0]), act);
            case ("lowerAscii", 0): return string.Create(s.Length, s, (dst, src) => { for (var i = 0; i < src.Length; i++) dst[i] = char.IsAsciiLetterUpper(src[i]) ? (char)(src[i] + 32) : src[i]; });
            case ("upperAscii", 0): return string.Create(s.Length, s, (dst, src) => { for (var i = 0; i < src.Length; i++) dst[i] = char.IsAsciiLetterLower(src[i]) ? (char)(src[i] - 32) : src[i]; });
            case ("trim", 0): return s.Trim();
            case ("reverse", 0): return string.Concat(Runes(s).Reverse());
            case ("charAt", 1):
                {
                    var r = Runes(s);
                    var i = Int(a[0]);
                    return i < 0 || i > r.Length ? throw new CelEvalException($"index out of range: {i}") : i == r.Length ? string.Empty : r[i];
                }

            case ("indexOf", 1 or 2):
                {
                    var r = Runes(s);
                    var sub = Runes(Str(a[0]));
                    var from = a.Length == 2 ? Int(a[1]) : 0;
                    if (from < 0 || from > r.Length)
                        throw new CelEvalException($"index out of range: {from}");
                    for (var i = from; i + sub.Length <= r.Length; i++)
                    {
                        if (r.AsSpan(i, sub.Length).SequenceEqual(sub))
                            return (long)i;
                    }

                    return -1L;
                }

            case ("lastIndexOf", 1 or 2):
                {
                    var r = Runes(s);
                    var sub = Runes(Str(a[0]));
                    var from = a.Length == 2 ? Int(a[1]) : r.Length - sub.Length;
                    if (a.Length == 2 && (from < 0 || from >= Math.Max(r.Length, 1)))
                        throw new CelEvalException($"index out of range: {from}");
                    for (var i = Math.Min(from, r.Length - sub.Length); i >= 0; i--)
                    {
                        if (r.AsSpan(i, sub.Length).SequenceEqual(sub))
                            return (long)i;
                    }

                    return -1L;
                }

            case ("replace", 2 or 3):
                {
                    var limit = a.Length == 3 ? Int(a[2]) : -1;
                    var from = Str(a[0]);
                    var to = Str(a[1]);
                    if (limit < 0)
                        return from.Length == 0 ? string.Join(to, Runes(s).Prepend(string.Empty).Append(string.Empty)) : s.Replace(from, to, StringComparison.Ordinal);
                    var sb = new StringBuilder();
                    var pos = 0;
                    for (var n = 0; n < limit; n++)
                    {
                        var at = s.IndexOf(from, pos, StringComparison.Ordinal);
                        if (at < 0 || from.Length == 0)
                            break;
                        sb.Append(s, pos, at - pos).Append(to);
                        pos = at + from.Length;
                    }

                    return sb.Append(s, pos, s.Length - pos).ToString();
                }

            case ("split", 1 or 2):
                {
                    var sep = Str(a[0]);
                    var limit = a.Length == 2 ? Int(a[1]) : -1;
                    if (limit == 0)
                        return CelArray.Empty;
                    string[] parts = sep.Length == 0 ? Runes(s) : limit < 0 ? s.Split(sep) : s.Split(sep, limit);
                    if (sep.Length == 0 && limit > 0 && parts.Length > limit)
                        parts = [.. parts[..(limit - 1)], string.Concat(parts[(limit - 1)..])];
                    return new CelArray([.. parts.Select(p => (object?)p)]);
                }

            case ("substring", 1 or 2):
                {
                    var r = Runes(s);
                    var start = Int(a[0]);
                    var end = a.Length == 2 ? Int(a[1]) : r.Length;
                    if (start < 0 || start > r.Length || end < start || end > r.Length)
                        throw new CelEvalException($"index out of range: {(start < 0 || start > r.Length ? start : end)}");
                    return string.Concat(r[start..end]);
                }

            case ("find", 1):
                {
                    var m = Regex(Str(a[0])).Match(s);
                    return m.Success ? m.Value : string.Empty;
                }

            case ("findAll", 1 or 2):
                {
                    var limit = a.Length == 2 ? Int(a[1]) : -1;
                    if (limit == 0)
                        return CelArray.Empty;
                    var found = Regex(Str(a[0])).Matches(s).Select(m => (object?)m.Value);
                    return new CelArray([.. limit > 0 ? found.Take(limit) : found]);
                }

            default:
                throw new CelEvalException($"found no matching overload for '{fn}' applied to 'string'");
        }
    }

    private static object? ListMethod(string fn, ICelList l, object?[] a)
    {
        var items = CelSemantics.Enumerate(l).ToArray();
        switch (fn, a.Length)
        {
            case ("size", 0): return (long)items.Length;
            case ("join", 0 or 1):
                return string.Join(a.Length == 1 ? Str(a[0]) : string.Empty, items.Select(i => i is string s ? s : throw CelSemantics.NoOverload("join", i)));
            case ("isSorted", 0):
                for (var i = 1; i < items.Length; i++)
                {
                    if (CelSemantics.Compare(items[i - 1], items[i]) > 0)
                        return false;
                }

                return true;
            case ("sum", 0):
                return items.Length == 0 ? 0L : items.Aggregate((x, y) => CelSemantics.Add(x, y));
            case ("min" or "max", 0):
                if (items.Length == 0)
                    throw new CelEvalException($"{fn} called on an empty list");
                return items.Aggregate((x, y) => (CelSemantics.Compare(x, y) <= 0) == (fn == "min") ? x : y);
            case ("indexOf", 1):
                return (long)Array.FindIndex(items, x => CelSemantics.Equal(x, a[0]));
            case ("lastIndexOf", 1):
                return (long)Array.FindLastIndex(items, x => CelSemantics.Equal(x, a[0]));
            case ("slice", 2):
                {
                    var from = Int(a[0]);
                    var to = Int(a[1]);
                    if (from < 0 || to < from || to > items.Length)
                        throw new CelEvalException($"cannot slice({from}, {to}), list has {items.Length} elements");
                    return new CelArray([.. items[from..to]]);
                }

            case ("flatten", 0 or 1):
                {
                    var depth = a.Length == 1 ? Int(a[0]) : 1;
                    if (depth < 0)
                        throw new CelEvalException("level must be non-negative");
                    IEnumerable<object?> Flat(IEnumerable<object?> xs, int d) => xs.SelectMany(x => d > 0 && x is ICelList inner ? Flat(CelSemantics.Enumerate(inner), d - 1) : [x]);
                    return new CelArray([.. Flat(items, depth)]);
                }

            case ("reverse", 0):
                return new CelArray([.. items.Reverse()]);
            default:
                throw new CelEvalException($"found no matching overload for '{fn}' applied to 'list'");
        }
    }

    private static bool Matches(string s, string pattern, CelActivation act)
    {
        act.Charge(1 + (s.Length * pattern.Length / 50));
        return Regex(pattern).IsMatch(s);
    }

    /// <summary>RE2 syntax runs on .NET's non-backtracking engine (linear time, as RE2); patterns it rejects are errors.</summary>
    internal static Regex Regex(string pattern)
    {
        if (Regexes.TryGetValue(pattern, out var cached))
            return cached;
        try
        {
            var translated = pattern.StartsWith("(?i)", StringComparison.Ordinal) ? pattern[4..] : pattern;
            var options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | (translated.Length != pattern.Length ? RegexOptions.IgnoreCase : 0);
            var regex = new Regex(translated.Replace("\\z", "\\z", StringComparison.Ordinal), options);
            if (Regexes.Count < 10_000)
                Regexes[pattern] = regex;
            return regex;
        }
        catch (ArgumentException e)
        {
            throw new CelEvalException($"invalid regular expression '{pattern}': {e.Message}");
        }
    }

    private static string[] Runes(string s) => [.. s.EnumerateRunes().Select(r => r.ToString())];

    private static long Size(object? v) => v switch
    {
        string s => s.EnumerateRunes().LongCount(),
        byte[] b => b.Length,
        ICelList l => l.Count,
        ICelMap m => m.Count,
        _ => throw CelSemantics.NoOverload("size", v),
    };

    private static bool IsZero(object? v) => v switch
    {
        null => true,
        false => true,
        0L or 0UL or 0.0 => true,
        string s => s.Length == 0,
        ICelList l => l.Count == 0,
        ICelMap m => m.Count == 0,
        _ => false,
    };

    private static string Str(object? v) => v as string ?? throw new CelEvalException($"no such overload: expected string, got {CelSemantics.TypeName(v)}");

    private static ICelList List(object? v) => v as ICelList ?? throw new CelEvalException($"no such overload: expected list, got {CelSemantics.TypeName(v)}");

    private static int Int(object? v) => v is long l ? (int)Math.Clamp(l, int.MinValue, int.MaxValue) : throw new CelEvalException($"no such overload: expected int, got {CelSemantics.TypeName(v)}");

    private static long ToInt(object? v)
    {
        switch (v)
        {
            case long l: return l;
            case ulong u when u <= long.MaxValue: return (long)u;
            case double d when d > -9.2233720368547758e18 && d < 9.2233720368547758e18 && !double.IsNaN(d): return (long)d;
            case string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p): return p;
            case DateTimeOffset t: return t.ToUnixTimeSeconds();
            case TimeSpan t: return (long)t.TotalSeconds;
            case ulong or double: throw new CelEvalException("integer overflow");
            default: throw new CelEvalException($"type conversion error from '{CelSemantics.TypeName(v)}' to 'int'");
        }
    }

    private static ulong ToUint(object? v) => v switch
    {
        ulong u => u,
        long l when l >= 0 => (ulong)l,
        double d when d >= 0 && d < 1.8446744073709552e19 => (ulong)d,
        string s when ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) => p,
        long or double => throw new CelEvalException("unsigned integer overflow"),
        _ => throw new CelEvalException($"type conversion error from '{CelSemantics.TypeName(v)}' to 'uint'"),
    };

    private static double ToDouble(object? v) => v switch
    {
        double d => d,
        long l => l,
        ulong u => u,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
        _ => throw new CelEvalException($"type conversion error from '{CelSemantics.TypeName(v)}' to 'double'"),
    };

    /// <summary>Go's duration syntax: <c>1h30m</c>, <c>1.5s</c>, <c>-300ms</c>.</summary>
    private static TimeSpan ParseDuration(string s)
    {
        var m = System.Text.RegularExpressions.Regex.Match(s, @"^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!m.Success)
            throw new CelEvalException($"invalid duration '{s}'");
        var total = 0m;
        foreach (Capture c in m.Groups[2].Captures)
        {
            var unitAt = c.Value.IndexOfAny(['n', 'u', 'µ', 'm', 's', 'h']);
            var number = decimal.Parse(c.Value[..unitAt], CultureInfo.InvariantCulture);
            total += number * c.Value[unitAt..] switch
            {
                "ns" => 0.000000001m,
                "us" or "µs" => 0.000001m,
                "ms" => 0.001m,
                "s" => 1m,
                "m" => 60m,
                _ => 3600m,
            };
        }

        return TimeSpan.FromTicks((long)(total * TimeSpan.TicksPerSecond) * (m.Groups[1].Value == "-" ? -1 : 1));
    }
}
