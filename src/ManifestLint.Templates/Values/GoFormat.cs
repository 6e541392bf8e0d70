using System.Globalization;
using System.Text;
using ManifestLint.Templates.Provenance;

namespace ManifestLint.Templates.Values;

/// <summary>
/// Go's <c>fmt</c> printing for the value representation of <c>VALUES.md</c>: <see cref="Sprint"/>,
/// <see cref="Sprintln"/>, <see cref="Sprintf"/>, and <see cref="FormatValue"/> (what <c>%v</c> prints).
/// </summary>
public static class GoFormat
{
    /// <summary>What <c>%v</c> prints for <paramref name="value"/> (<c>&lt;nil&gt;</c> for nil).</summary>
    public static string FormatValue(object? value)
    {
        switch (value)
        {
            case null:
                return "<nil>";
            case string s:
                return s;
            case TrackedString ts:
                return ts.Text;
            case bool b:
                return b ? "true" : "false";
            case long l:
                return l.ToString(CultureInfo.InvariantCulture);
            case double d:
                // Fast path: integral values below Go's exponent threshold print as integers.
                if (Math.Abs(d) < 1e6 && d == Math.Floor(d) && !(d == 0 && double.IsNegative(d)))
                    return ((long)d).ToString(CultureInfo.InvariantCulture);
                return FormatFloat(d, 'g', -1);
        }

        var sb = new StringBuilder();
        AppendValue(sb, value, 'v', default, 0);
        return sb.ToString();
    }

    /// <summary>Go's type name of <paramref name="value"/> as <c>%T</c> prints it.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        string or TrackedString => "string",
        bool => "bool",
        long => "int",
        GoInt64 => "int64",
        GoNamedInt named => named.GoTypeName,
        int => "int32",
        double => "float64",
        float => "float32",
        byte[] => "[]uint8",
        System.Numerics.Complex => "complex128",
        GoList list => list.GoTypeName,
        GoMap map => map.GoTypeName,
        IGoObject obj => obj.GoTypeName,
        byte => "uint8",
        sbyte => "int8",
        short => "int16",
        ushort => "uint16",
        uint => "uint32",
        ulong => "uint64",
        _ => value.GetType().Name,
    };

    /// <summary>Go's <c>fmt.Sprint</c>: operands are joined with a space when neither side is a string.</summary>
    public static string Sprint(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        var prevString = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var isString = arg is string or TrackedString;
            if (i > 0 && !isString && !prevString)
                sb.Append(' ');
            AppendValue(sb, arg, 'v', default, 0);
            prevString = isString;
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>fmt.Sprintln</c>: operands always separated by a space, newline at the end.</summary>
    public static string Sprintln(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0)
                sb.Append(' ');
            AppendValue(sb, args[i], 'v', default, 0);
        }

        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>Go's <c>fmt.Sprintf</c> with its verbs, flags, width, precision, argument indexes and error texts.</summary>
    public static string Sprintf(string format, IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder(format.Length + 16);
        var argNum = 0;
        var reordered = false;
        var goodArgNum = true;
        var end = format.Length;
        for (var i = 0; i < end;)
        {
            goodArgNum = true;
            var lasti = i;
            while (i < end && format[i] != '%')
                i++;
            if (i > lasti)
                sb.Append(format, lasti, i - lasti);
            if (i >= end)
                break;
            i++; // skip %
            var f = default(Flags);
            // flags
            for (; i < end; i++)
            {
                var c = format[i];
                if (c == '#')
                    f.Sharp = true;
                else if (c == '0')
                    f.Zero = !f.Minus;
                else if (c == '+')
                    f.Plus = true;
                else if (c == '-')
                {
                    f.Minus = true;
                    f.Zero = false;
                }
                else if (c == ' ')
                    f.Space = true;
                else
                    break;
            }

            // argument index
            (argNum, i, var found) = ArgNumber(argNum, format, i, args.Count);
            if (found)
                reordered = true;
            goodArgNum &= argNum >= 0;
            if (!found && argNum < 0)
                argNum = 0;

            // width
            if (i < end && format[i] == '*')
            {
                i++;
                (f.Width, var isInt, argNum) = IntFromArg(args, argNum);
                f.WidPresent = true;
                if (!isInt)
                    sb.Append("%!(BADWIDTH)");
                if (f.Width < 0)
                {
                    f.Width = -f.Width;
                    f.Minus = true;
                    f.Zero = false;
                }

                reordered = false;
            }
            else
            {
                (f.Width, f.WidPresent, i) = ParseNum(format, i, end);
                if (reordered && f.WidPresent)
                    goodArgNum = false;
            }

            // precision
            if (i + 1 <= end && i < end && format[i] == '.')
            {
                i++;
                if (reordered)
                    goodArgNum = false;
                (argNum, i, found) = ArgNumber(argNum, format, i, args.Count);
                if (found)
                    reordered = true;
                if (i < end && format[i] == '*')
                {
                    i++;
                    (f.Prec, var isInt, argNum) = IntFromArg(args, argNum);
                    if (f.Prec < 0)
                    {
                        f.Prec = 0;
                        f.PrecPresent = false;
                    }
                    else
                    {
                        f.PrecPresent = true;
                    }

                    if (!isInt)
                        sb.Append("%!(BADPREC)");
                    reordered = false;
                }
                else
                {
                    (f.Prec, f.PrecPresent, i) = ParseNum(format, i, end);
                    if (!f.PrecPresent)
                    {
                        f.Prec = 0;
                        f.PrecPresent = true;
                    }
                }
            }

            if (!reordered)
            {
                (argNum, i, found) = ArgNumber(argNum, format, i, args.Count);
                if (found)
                    reordered = true;
            }

            if (i >= end)
            {
                sb.Append("%!(NOVERB)");
                break;
            }

            var verb = (int)format[i];
            var size = 1;
            if (char.IsHighSurrogate(format[i]) && i + 1 < end && char.IsLowSurrogate(format[i + 1]))
            {
                verb = char.ConvertToUtf32(format[i], format[i + 1]);
                size = 2;
            }

            i += size;
            if (verb == '%')
            {
                sb.Append('%');
                continue;
            }

            if (!goodArgNum)
            {
                sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(BADINDEX)");
                continue;
            }

            if (argNum >= args.Count)
            {
                sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append("(MISSING)");
                continue;
            }

            if (verb == 'w')
                verb = 'v';
            if (verb == 'v')
            {
                // Go's %+v and %#v only differ for structs and Go syntax; '+' and '#' are dropped for %v here.
                if (f.Sharp)
                {
                    f.Sharp = false;
                    f.SharpV = true;
                }

                if (f.Plus)
                {
                    f.Plus = false;
                    f.PlusV = true;
                }
            }

            AppendArg(sb, args[argNum], verb, f);
            argNum++;
        }

        if (!reordered && argNum < args.Count)
        {
            sb.Append("%!(EXTRA ");
            for (var k = argNum; k < args.Count; k++)
            {
                if (k > argNum)
                    sb.Append(", ");
                var a = args[k];
                if (a is null)
                    sb.Append("<nil>");
                else
                {
                    sb.Append(TypeName(a)).Append('=');
                    AppendValue(sb, a, 'v', default, 0);
                }
            }

            sb.Append(')');
        }

        return sb.ToString();
    }

    private static (int ArgNum, int Index, bool Found) ArgNumber(int argNum, string format, int i, int numArgs)
    {
        if (format.Length <= i || format[i] != '[')
            return (argNum, i, false);
        for (var j = i + 1; j < format.Length; j++)
        {
            if (format[j] == ']')
            {
                var (width, ok, newi) = ParseNum(format, i + 1, j);
                if (!ok || newi != j)
                    return (-1, j + 1, true); // bad index
                var index = width - 1;
                if (index >= 0 && index < numArgs)
                    return (index, j + 1, true);
                return (-1, j + 1, true);
            }
        }

        return (-1, i + 1, true);
    }

    private static (int Num, bool IsNum, int NewI) ParseNum(string s, int start, int end)
    {
        if (start >= end)
            return (0, false, end);
        var num = 0;
        var isNum = false;
        var i = start;
        for (; i < end && s[i] >= '0' && s[i] <= '9'; i++)
        {
            if (num > 1_000_000)
                return (0, false, end);
            num = (num * 10) + (s[i] - '0');
            isNum = true;
        }

        return (num, isNum, i);
    }

    private static (int Value, bool IsInt, int NewArgNum) IntFromArg(IReadOnlyList<object?> args, int argNum)
    {
        if (argNum >= args.Count)
            return (0, false, argNum);
        var arg = args[argNum];
        var isInt = false;
        long n = 0;
        switch (arg)
        {
            case long l:
                n = l;
                isInt = true;
                break;
            case GoInt64 g:
                n = g.Value;
                isInt = true;
                break;
            case int i:
                n = i;
                isInt = true;
                break;
        }

        if (isInt && (n > 1_000_000 || n < -1_000_000))
            return (0, false, argNum + 1);
        return ((int)n, isInt, argNum + 1);
    }

    private struct Flags
    {
        public bool Sharp;
        public bool Zero;
        public bool Plus;
        public bool Minus;
        public bool Space;
        public bool SharpV;
        public bool PlusV;
        public bool WidPresent;
        public bool PrecPresent;
        public int Width;
        public int Prec;
    }

    private static void AppendArg(StringBuilder sb, object? arg, int verb, Flags f)
    {
        if (arg is null)
        {
            if (verb is 'T' or 'v')
                Pad(sb, "<nil>", f);
            else
                BadVerb(sb, arg, verb, f);
            return;
        }

        if (verb == 'T')
        {
            Pad(sb, TypeName(arg), f);
            return;
        }

        if (verb == 'p')
        {
            BadVerb(sb, arg, verb, f);
            return;
        }

        AppendValue(sb, arg, verb, f, 0);
    }

    // Go prints the operand with %v but keeps the verb's flags, width and precision (%5.1f of "abc" gives
    // %!f(string=    a)); a Stringer is not asked for its text while fmt reports an error.
    private static void BadVerb(StringBuilder sb, object? arg, int verb, Flags f)
    {
        sb.Append("%!").Append(char.ConvertFromUtf32(verb)).Append('(');
        if (arg is null)
            sb.Append("<nil>");
        else
        {
            sb.Append(TypeName(arg)).Append('=');
            AppendValue(sb, arg is GoNamedInt named ? named.Value : arg, 'v', f, 0);
        }

        sb.Append(')');
    }

    private static void AppendValue(StringBuilder sb, object? value, int verb, Flags f, int depth)
    {
        switch (value)
        {
            case null:
                if (depth == 0 && verb != 'v')
                    BadVerb(sb, null, verb, f);
                else
                    Pad(sb, "<nil>", f);
                return;
            case bool b:
                if (verb is 't' or 'v')
                    Pad(sb, b ? "true" : "false", f);
                else
                    BadVerb(sb, value, verb, f);
                return;
            case string s:
                FormatString(sb, s, verb, f, value);
                return;
            case TrackedString ts:
                FormatString(sb, ts.Text, verb, f, value);
                return;
            case double d:
                FormatFloatVerb(sb, d, 64, verb, f, value);
                return;
            case float fl:
                FormatFloatVerb(sb, fl, 32, verb, f, value);
                return;
            case byte[] bytes:
                FormatBytes(sb, bytes, verb, f, value, depth);
                return;
            case GoList list:
                {
                    // %v: [a b]; %#v: []string{"a", "b"}, or []string(nil) for a nil slice.
                    if (f.SharpV)
                    {
                        sb.Append(list.GoTypeName);
                        if (list.IsNil)
                        {
                            sb.Append("(nil)");
                            return;
                        }
                    }

                    var (open, separator, close) = f.SharpV ? ('{', ", ", '}') : ('[', " ", ']');
                    sb.Append(open);
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (i > 0)
                            sb.Append(separator);
                        AppendValue(sb, list[i], verb, f, depth + 1);
                    }

                    sb.Append(close);
                    return;
                }
            case System.Numerics.Complex c:
                if (verb is 'v' or 'e' or 'E' or 'f' or 'F' or 'g' or 'G')
                {
                    var fv = verb == 'v' ? 'g' : verb;
                    sb.Append('(');
                    FormatFloatVerb(sb, c.Real, 64, fv, f, c.Real);
                    FormatFloatVerb(sb, c.Imaginary, 64, fv, f with { Plus = true }, c.Imaginary);
                    sb.Append("i)");
                }
                else
                {
                    BadVerb(sb, value, verb, f);
                }

                return;
            case GoMap { IsNil: true } nilMap when f.SharpV:
                sb.Append(nilMap.GoTypeName).Append("(nil)");
                return;
            case GoMap map when f.SharpV:
                {
                    sb.Append(map.GoTypeName).Append('{');
                    var firstKey = true;
                    foreach (var key in map.SortedKeys())
                    {
                        if (!firstKey)
                            sb.Append(", ");
                        firstKey = false;
                        sb.Append(Quote(key)).Append(':');
                        AppendValue(sb, map[key], verb, f, depth + 1);
                    }

                    sb.Append('}');
                    return;
                }

            case GoMap map:
                sb.Append("map[");
                var first = true;
                foreach (var key in map.SortedKeys())
                {
                    if (!first)
                        sb.Append(' ');
                    first = false;
                    FormatString(sb, key, verb, f, key);
                    sb.Append(':');
                    AppendValue(sb, map[key], verb, f, depth + 1);
                }

                sb.Append(']');
                return;
            case IGoObject obj:
                Pad(sb, obj.FormatGo(), f);
                return;
            case GoNamedInt named when verb is 'v' or 's' or 'q' or 'x' or 'X' && !f.SharpV:
                // fmt calls String() for the verbs a string takes; the others see the integer.
                FormatString(sb, named.Text, verb, f, named.Text);
                return;
        }

        if (TryGetInteger(value, out var neg, out var mag))
        {
            FormatInteger(sb, neg, mag, verb, f, value, IsUnsigned(value));
            return;
        }

        if (verb == 'v' || verb == 's')
            Pad(sb, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, f);
        else
            BadVerb(sb, value, verb, f);
    }

    private static bool IsUnsigned(object value) => value is byte or ushort or uint or ulong;

    internal static bool TryGetInteger(object? value, out bool negative, out ulong magnitude)
    {
        long signed;
        switch (value)
        {
            case long l:
                signed = l;
                break;
            case GoInt64 g:
                signed = g.Value;
                break;
            case GoNamedInt named:
                signed = named.Value;
                break;
            case int i:
                signed = i;
                break;
            case short s:
                signed = s;
                break;
            case sbyte sb:
                signed = sb;
                break;
            case byte b:
                signed = b;
                break;
            case ushort us:
                signed = us;
                break;
            case uint ui:
                signed = ui;
                break;
            case ulong ul:
                negative = false;
                magnitude = ul;
                return true;
            default:
                negative = false;
                magnitude = 0;
                return false;
        }

        negative = signed < 0;
        magnitude = negative ? (ulong)(-(signed + 1)) + 1 : (ulong)signed;
        return true;
    }

    private static void FormatInteger(StringBuilder sb, bool neg, ulong mag, int verb, Flags f, object original, bool unsigned)
    {
        switch (verb)
        {
            case 'v':
                if (f.SharpV && unsigned)
                    FmtInteger(sb, neg, mag, 16, 'x', f with { Sharp = true }, "0123456789abcdef");
                else
                    FmtInteger(sb, neg, mag, 10, verb, f, "0123456789abcdef");
                return;
            case 'd':
                FmtInteger(sb, neg, mag, 10, verb, f, "0123456789abcdef");
                return;
            case 'b':
                FmtInteger(sb, neg, mag, 2, verb, f, "0123456789abcdef");
                return;
            case 'o':
            case 'O':
                FmtInteger(sb, neg, mag, 8, verb, f, "0123456789abcdef");
                return;
            case 'x':
                FmtInteger(sb, neg, mag, 16, verb, f, "0123456789abcdef");
                return;
            case 'X':
                FmtInteger(sb, neg, mag, 16, verb, f, "0123456789ABCDEF");
                return;
            case 'c':
                Pad(sb, RuneString(neg, mag), f);
                return;
            case 'q':
                Pad(sb, QuoteRune(neg, mag, f.Plus), f);
                return;
            case 'U':
                FmtUnicode(sb, neg, mag, f);
                return;
            default:
                BadVerb(sb, original, verb, f);
                return;
        }
    }

    private static string RuneString(bool neg, ulong mag)
    {
        if (neg || mag > 0x10FFFF || (mag >= 0xD800 && mag <= 0xDFFF))
            return "\uFFFD";
        return char.ConvertFromUtf32((int)mag);
    }

    private static string QuoteRune(bool neg, ulong mag, bool asciiOnly)
    {
        var r = neg || mag > 0x10FFFF || (mag >= 0xD800 && mag <= 0xDFFF) ? 0xFFFD : (int)mag;
        var sb = new StringBuilder("'");
        AppendQuotedRune(sb, r, '\'', asciiOnly);
        sb.Append('\'');
        return sb.ToString();
    }

    private static void FmtUnicode(StringBuilder sb, bool neg, ulong mag, Flags f)
    {
        var s = new StringBuilder("U+");
        var hex = mag.ToString("X", CultureInfo.InvariantCulture);
        var prec = f.PrecPresent && f.Prec > 4 ? f.Prec : 4;
        if (neg)
            hex = unchecked((ulong)-(long)mag).ToString("X", CultureInfo.InvariantCulture);
        s.Append('0', Math.Max(0, prec - hex.Length)).Append(hex);
        if (f.Sharp && !neg && mag <= 0x10FFFF && IsPrint((int)mag))
            s.Append(" '").Append(char.ConvertFromUtf32((int)mag)).Append('\'');
        Pad(sb, s.ToString(), f with { Zero = false });
    }

    private static void FmtInteger(StringBuilder sb, bool neg, ulong mag, int b, int verb, Flags f, string digits)
    {
        var buf = new StringBuilder();
        var prec = 0;
        var hasPrec = f.PrecPresent;
        if (hasPrec)
        {
            prec = f.Prec;
            if (prec == 0 && mag == 0)
            {
                var oldZero = f.Zero;
                f.Zero = false;
                Pad(sb, string.Empty, f);
                f.Zero = oldZero;
                return;
            }
        }
        else if (f.Zero && f.WidPresent && !f.Minus)
        {
            prec = f.Width;
            if (neg || f.Plus || f.Space)
                prec--; // leave room for sign
        }

        var tmp = new List<char>(24);
        var u = mag;
        do
        {
            tmp.Add(digits[(int)(u % (ulong)b)]);
            u /= (ulong)b;
        }
        while (u != 0);

        while (tmp.Count < prec)
            tmp.Add('0');

        if (f.Sharp)
        {
            switch (b)
            {
                case 2:
                    tmp.Add('b');
                    tmp.Add('0');
                    break;
                case 8:
                    if (tmp[^1] != '0')
                        tmp.Add('0');
                    break;
                case 16:
                    tmp.Add(verb == 'X' ? 'X' : 'x');
                    tmp.Add('0');
                    break;
            }
        }

        if (verb == 'O')
        {
            tmp.Add('o');
            tmp.Add('0');
        }

        if (neg)
            tmp.Add('-');
        else if (f.Plus)
            tmp.Add('+');
        else if (f.Space)
            tmp.Add(' ');

        for (var i = tmp.Count - 1; i >= 0; i--)
            buf.Append(tmp[i]);

        var oldZ = f.Zero;
        f.Zero = false;
        Pad(sb, buf.ToString(), f);
        f.Zero = oldZ;
    }

    private static void FormatString(StringBuilder sb, string s, int verb, Flags f, object original)
    {
        switch (verb)
        {
            case 'v':
                if (f.SharpV)
                {
                    Pad(sb, Quote(s, false), f);
                    return;
                }

                PadString(sb, s, f);
                return;
            case 's':
                PadString(sb, s, f);
                return;
            case 'x':
                FmtSbx(sb, Functions.Sprig.SprigExtraGoBytes.ToBytes(TruncateRunes(s, f)), f, "0123456789abcdef");
                return;
            case 'X':
                FmtSbx(sb, Functions.Sprig.SprigExtraGoBytes.ToBytes(TruncateRunes(s, f)), f, "0123456789ABCDEF");
                return;
            case 'q':
                var t = TruncateRunes(s, f);
                if (f.Sharp && CanBackquote(t))
                    Pad(sb, "`" + t + "`", f);
                else
                    Pad(sb, Quote(t, f.Plus), f);
                return;
            default:
                BadVerb(sb, original, verb, f);
                return;
        }
    }

    private static void FormatBytes(StringBuilder sb, byte[] bytes, int verb, Flags f, object original, int depth)
    {
        switch (verb)
        {
            case 's':
                PadString(sb, System.Text.Encoding.UTF8.GetString(bytes), f);
                return;
            case 'q':
                FormatString(sb, System.Text.Encoding.UTF8.GetString(bytes), verb, f, original);
                return;
            case 'x':
                FmtSbx(sb, bytes, f, "0123456789abcdef");
                return;
            case 'X':
                FmtSbx(sb, bytes, f, "0123456789ABCDEF");
                return;
            default:
                sb.Append('[');
                for (var i = 0; i < bytes.Length; i++)
                {
                    if (i > 0)
                        sb.Append(' ');
                    FormatInteger(sb, false, bytes[i], verb, f, bytes[i], true);
                }

                sb.Append(']');
                _ = depth;
                return;
        }
    }

    private static string TruncateRunes(string s, Flags f)
    {
        if (!f.PrecPresent)
            return s;
        var n = f.Prec;
        var i = 0;
        while (i < s.Length && n > 0)
        {
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            n--;
        }

        return s[..i];
    }

    private static void FmtSbx(StringBuilder sb, byte[] b, Flags f, string digits)
    {
        var length = b.Length;
        if (f.PrecPresent && f.Prec < length)
            length = f.Prec;
        var width = 2 * length;
        if (width > 0)
        {
            if (f.Space)
            {
                if (f.Sharp)
                    width *= 2;
                width += length - 1;
            }
            else if (f.Sharp)
            {
                width += 2;
            }
        }
        else
        {
            if (f.WidPresent)
                sb.Append(' ', f.Width);
            return;
        }

        if (f.WidPresent && f.Width > width && !f.Minus)
            sb.Append(' ', f.Width - width);
        var x = digits[10] == 'a' ? 'x' : 'X';
        if (f.Sharp)
            sb.Append('0').Append(x);
        for (var i = 0; i < length; i++)
        {
            if (f.Space && i > 0)
            {
                sb.Append(' ');
                if (f.Sharp)
                    sb.Append('0').Append(x);
            }

            sb.Append(digits[b[i] >> 4]).Append(digits[b[i] & 0xF]);
        }

        if (f.WidPresent && f.Width > width && f.Minus)
            sb.Append(' ', f.Width - width);
    }

    private static void PadString(StringBuilder sb, string s, Flags f) => Pad(sb, TruncateRunes(s, f), f);

    private static int RuneCount(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                i++;
            n++;
        }

        return n;
    }

    private static void Pad(StringBuilder sb, string s, Flags f)
    {
        if (!f.WidPresent || f.Width == 0)
        {
            sb.Append(s);
            return;
        }

        var width = f.Width - RuneCount(s);
        if (width <= 0)
        {
            sb.Append(s);
            return;
        }

        if (f.Minus)
        {
            sb.Append(s).Append(' ', width);
        }
        else
        {
            sb.Append(f.Zero ? '0' : ' ', width).Append(s);
        }
    }

    private static void FormatFloatVerb(StringBuilder sb, double d, int size, int verb, Flags f, object original)
    {
        var prec = f.PrecPresent ? f.Prec : -1;
        switch (verb)
        {
            case 'v':
                FmtFloat(sb, d, size, 'g', prec, f);
                return;
            case 'b':
            case 'g':
            case 'G':
            case 'x':
            case 'X':
                if (verb is 'x' or 'X' or 'b')
                {
                    BadVerb(sb, original, verb, f);
                    return;
                }

                FmtFloat(sb, d, size, (char)verb, prec, f);
                return;
            case 'f':
            case 'e':
            case 'E':
                FmtFloat(sb, d, size, (char)verb, f.PrecPresent ? f.Prec : 6, f);
                return;
            case 'F':
                FmtFloat(sb, d, size, 'f', f.PrecPresent ? f.Prec : 6, f);
                return;
            default:
                BadVerb(sb, original, verb, f);
                return;
        }
    }

    private static void FmtFloat(StringBuilder sb, double v, int size, char verb, int prec, Flags f)
    {
        var num = FormatFloat(v, verb, prec, size);
        if (num[0] != '-' && num[0] != '+')
            num = "+" + num;
        if (f.Space && num[0] == '+' && !f.Plus)
            num = " " + num[1..];
        if (num.Length > 1 && (num[1] == 'I' || num[1] == 'N'))
        {
            if (num[1] == 'N' && !f.Space && !f.Plus)
                num = num[1..];
            else if (num[1] == 'N' && f.Space)
                num = " " + num[1..];
            // Infinities keep their sign ("+Inf"), as Go prints them.
            var oldZero = f.Zero;
            f.Zero = false;
            Pad(sb, num, f);
            f.Zero = oldZero;
            return;
        }

        if (f.Sharp && verb != 'b')
        {
            num = SharpFloat(num, verb, prec);
        }

        if (f.Plus || num[0] != '+')
        {
            if (f.Zero && f.WidPresent && f.Width > num.Length && !f.Minus)
            {
                sb.Append(num[0]);
                sb.Append('0', f.Width - num.Length);
                sb.Append(num, 1, num.Length - 1);
                return;
            }

            Pad(sb, num, f);
            return;
        }

        var rest = num[1..];
        if (f.Zero && f.WidPresent && f.Width > rest.Length && !f.Minus)
        {
            sb.Append('0', f.Width - rest.Length).Append(rest);
            return;
        }

        Pad(sb, rest, f);
    }

    private static string SharpFloat(string num, char verb, int prec)
    {
        var digits = 0;
        if (verb is 'v' or 'g' or 'G')
        {
            digits = prec;
            if (digits == -1)
                digits = 6;
        }

        var tail = string.Empty;
        var body = num;
        var ePos = body.IndexOfAny(['e', 'E'], 1);
        if (ePos >= 0)
        {
            tail = body[ePos..];
            body = body[..ePos];
        }

        var sawNonzero = false;
        var hasDot = false;
        for (var i = 1; i < body.Length; i++)
        {
            switch (body[i])
            {
                case '.':
                    hasDot = true;
                    break;
                case '0':
                    if (sawNonzero)
                        digits--;
                    break;
                default:
                    sawNonzero = true;
                    digits--;
                    break;
            }
        }

        if (!sawNonzero)
            digits--;
        if (!hasDot)
        {
            if (body.Length == 2 && body[1] == '0')
                digits--;
            body += ".";
        }

        if (verb is 'g' or 'G' or 'v' && digits > 0)
            body += new string('0', digits);
        return body + tail;
    }

    /// <summary>Go's <c>strconv.FormatFloat(v, fmt, prec, 64)</c> for <c>fmt</c> in e, E, f, g, G (prec -1: shortest).</summary>
    public static string FormatFloat(double v, char fmt, int prec) => FormatFloat(v, fmt, prec, 64);

    private static string FormatFloat(double v, char fmt, int prec, int bitSize)
    {
        if (double.IsNaN(v))
            return "NaN";
        if (double.IsPositiveInfinity(v))
            return "+Inf";
        if (double.IsNegativeInfinity(v))
            return "-Inf";
        var neg = double.IsNegative(v);
        var abs = Math.Abs(v);
        string digits;
        int dp;
        var shortest = prec < 0;
        if (shortest)
        {
            var r = bitSize == 32 ? ((float)abs).ToString("R", CultureInfo.InvariantCulture) : abs.ToString("R", CultureInfo.InvariantCulture);
            (digits, dp) = ParseDigits(r);
            prec = fmt switch
            {
                'e' or 'E' => digits.Length - 1,
                'f' => Math.Max(digits.Length - dp, 0),
                _ => digits.Length,
            };
        }
        else
        {
            switch (fmt)
            {
                case 'e':
                case 'E':
                    (digits, dp) = RoundedDigits(abs, prec + 1);
                    break;
                case 'f':
                    {
                        var s = abs.ToString("F" + prec.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                        return neg ? "-" + s : s;
                    }

                default:
                    if (prec == 0)
                        prec = 1;
                    (digits, dp) = RoundedDigits(abs, prec);
                    break;
            }
        }

        var sb = new StringBuilder(32);
        if (neg)
            sb.Append('-');
        switch (fmt)
        {
            case 'e':
            case 'E':
                FmtE(sb, digits, dp, prec, fmt);
                break;
            case 'f':
                FmtF(sb, digits, dp, prec);
                break;
            default:
                var eprec = prec;
                if (eprec > digits.Length && digits.Length >= dp)
                    eprec = digits.Length;
                if (shortest)
                    eprec = 6;
                var exp = dp - 1;
                if (digits.Length == 0 || digits == "0")
                    exp = 0;
                if (exp < -4 || exp >= eprec)
                {
                    if (prec > digits.Length)
                        prec = digits.Length;
                    FmtE(sb, digits, dp, prec - 1, fmt == 'g' ? 'e' : 'E');
                }
                else
                {
                    if (prec > dp)
                        prec = digits.Length;
                    FmtF(sb, digits, dp, Math.Max(prec - dp, 0));
                }

                break;
        }

        return sb.ToString();
    }

    // digits without leading/trailing zeros ("" for zero), dp = position of the decimal point.
    private static (string Digits, int Dp) ParseDigits(string r)
    {
        var exp = 0;
        var ePos = r.IndexOfAny(['E', 'e']);
        var mant = r;
        if (ePos >= 0)
        {
            exp = int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mant = r[..ePos];
        }

        var dot = mant.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mant[..dot] : mant;
        var frac = dot >= 0 ? mant[(dot + 1)..] : string.Empty;
        var all = intPart + frac;
        var dp = intPart.Length + exp;
        var start = 0;
        while (start < all.Length && all[start] == '0')
        {
            start++;
            dp--;
        }

        var end = all.Length;
        while (end > start && all[end - 1] == '0')
            end--;
        if (start == end)
            return (string.Empty, 0);
        return (all[start..end], dp);
    }

    private static (string Digits, int Dp) RoundedDigits(double abs, int n)
    {
        if (abs == 0)
            return (string.Empty, 0);
        var r = abs.ToString("E" + (n - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return ParseDigits(r);
    }

    private static void FmtE(StringBuilder sb, string digits, int dp, int prec, char fmt)
    {
        sb.Append(digits.Length == 0 ? '0' : digits[0]);
        if (prec > 0)
        {
            sb.Append('.');
            var i = 1;
            var m = Math.Min(digits.Length, prec + 1);
            if (i < m)
            {
                sb.Append(digits, i, m - i);
                i = m;
            }

            for (; i <= prec; i++)
                sb.Append('0');
        }

        sb.Append(fmt);
        var exp = dp - 1;
        if (digits.Length == 0)
            exp = 0;
        if (exp < 0)
        {
            sb.Append('-');
            exp = -exp;
        }
        else
        {
            sb.Append('+');
        }

        if (exp < 10)
            sb.Append('0').Append((char)('0' + exp));
        else
            sb.Append(exp.ToString(CultureInfo.InvariantCulture));
    }

    private static void FmtF(StringBuilder sb, string digits, int dp, int prec)
    {
        if (dp > 0)
        {
            var m = Math.Min(digits.Length, dp);
            sb.Append(digits, 0, m);
            for (; m < dp; m++)
                sb.Append('0');
        }
        else
        {
            sb.Append('0');
        }

        if (prec > 0)
        {
            sb.Append('.');
            for (var i = 1; i <= prec; i++)
            {
                var j = dp + i - 1;
                sb.Append(j >= 0 && j < digits.Length ? digits[j] : '0');
            }
        }
    }

    /// <summary>Go's <c>strconv.Quote</c> (or <c>QuoteToASCII</c> when <paramref name="asciiOnly"/>).</summary>
    public static string Quote(string s, bool asciiOnly = false)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            int r = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                r = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else if (s[i] >= '\uDC80' && s[i] <= '\uDCFF')
            {
                // A byte that is not valid UTF-8, carried as a surrogate escape: Go quotes it as \xNN.
                sb.Append("\\x").Append((s[i] - 0xDC00).ToString("x2", CultureInfo.InvariantCulture));
                continue;
            }
            else if (char.IsSurrogate(s[i]))
            {
                r = 0xFFFD;
            }

            AppendQuotedRune(sb, r, '"', asciiOnly);
        }

        sb.Append('"');
        return sb.ToString();
    }

    private static void AppendQuotedRune(StringBuilder sb, int r, char quote, bool asciiOnly)
    {
        if (r == quote || r == '\\')
        {
            sb.Append('\\').Append((char)r);
            return;
        }

        if (asciiOnly ? r < 0x80 && IsPrint(r) : IsPrint(r))
        {
            if (r < 0x10000)
                sb.Append((char)r);
            else
                sb.Append(char.ConvertFromUtf32(r));
            return;
        }

        switch (r)
        {
            case '\a':
                sb.Append("\\a");
                return;
            case '\b':
                sb.Append("\\b");
                return;
            case '\f':
                sb.Append("\\f");
                return;
            case '\n':
                sb.Append("\\n");
                return;
            case '\r':
                sb.Append("\\r");
                return;
            case '\t':
                sb.Append("\\t");
                return;
            case '\v':
                sb.Append("\\v");
                return;
        }

        if (r < ' ' || r == 0x7f)
            sb.Append("\\x").Append(r.ToString("x2", CultureInfo.InvariantCulture));
        else if (r < 0x10000)
            sb.Append("\\u").Append(r.ToString("x4", CultureInfo.InvariantCulture));
        else
            sb.Append("\\U").Append(r.ToString("x8", CultureInfo.InvariantCulture));
    }

    /// <summary>Go's <c>unicode.IsPrint</c>, approximated with .NET's Unicode categories.</summary>
    internal static bool IsPrint(int r)
    {
        if (r < 0x80)
            return r >= 0x20 && r < 0x7f;
        if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
            return false;
        var cat = CharUnicodeInfo.GetUnicodeCategory(r);
        return cat switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    private static bool CanBackquote(string s)
    {
        foreach (var c in s)
        {
            if (c == '`' || c == '\uFEFF')
                return false;
            if (c < ' ' && c != '\t')
                return false;
            if (c == 0x7f)
                return false;
        }

        return true;
    }
}
