namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>Go's <c>time.Duration</c> (nanoseconds in an int64): <c>ParseDuration</c>, <c>String</c> and <c>Round</c>.</summary>
internal static class SprigExtraDuration
{
    public const long Second = 1_000_000_000;

    /// <summary>Go's <c>time.ParseDuration</c>; throws <see cref="FormatException"/> with Go's message.</summary>
    public static long Parse(string s)
    {
        var orig = s;
        ulong d = 0;
        var neg = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            neg = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
            return 0;
        if (s.Length == 0)
            throw Invalid(orig);
        const ulong Limit = 1UL << 63;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
                throw Invalid(orig);
            var pl = s.Length;
            ulong v = 0;
            var i = 0;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                if (v > Limit / 10)
                    throw Invalid(orig);
                v = (v * 10) + (ulong)(s[i] - '0');
                if (v > Limit)
                    throw Invalid(orig);
            }

            s = s[i..];
            var pre = pl != s.Length;
            var post = false;
            ulong f = 0;
            var scale = 1.0;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                var pl2 = s.Length;
                var overflow = false;
                var j = 0;
                for (; j < s.Length && char.IsAsciiDigit(s[j]); j++)
                {
                    if (overflow)
                        continue;
                    if (f > (Limit - 1) / 10)
                    {
                        overflow = true;
                        continue;
                    }

                    var y = (f * 10) + (ulong)(s[j] - '0');
                    if (y > Limit)
                    {
                        overflow = true;
                        continue;
                    }

                    f = y;
                    scale *= 10;
                }

                s = s[j..];
                post = pl2 != s.Length;
            }

            if (!pre && !post)
                throw Invalid(orig);
            var k = 0;
            while (k < s.Length && s[k] != '.' && !char.IsAsciiDigit(s[k]))
                k++;
            if (k == 0)
                throw new FormatException("time: missing unit in duration " + SprigExtraTimeLayout.Quote(orig));
            var u = s[..k];
            s = s[k..];
            ulong unit = u switch
            {
                "ns" => 1,
                "us" or "\u00b5s" or "\u03bcs" => 1_000,
                "ms" => 1_000_000,
                "s" => 1_000_000_000,
                "m" => 60_000_000_000,
                "h" => 3_600_000_000_000,
                _ => throw new FormatException("time: unknown unit " + SprigExtraTimeLayout.Quote(u) + " in duration " + SprigExtraTimeLayout.Quote(orig)),
            };
            if (v > Limit / unit)
                throw Invalid(orig);
            v *= unit;
            if (f > 0)
            {
                v += (ulong)(f * (unit / scale));
                if (v > Limit)
                    throw Invalid(orig);
            }

            d += v;
            if (d > Limit)
                throw Invalid(orig);
        }

        if (neg)
            return unchecked(-(long)d);
        if (d > Limit - 1)
            throw Invalid(orig);
        return (long)d;
    }

    private static FormatException Invalid(string orig) => new("time: invalid duration " + SprigExtraTimeLayout.Quote(orig));

    /// <summary>Go's <c>Duration.String</c>, e.g. <c>1h2m3.5s</c>, <c>1.5ms</c>, <c>0s</c>.</summary>
    public static string Format(long d)
    {
        var buf = new char[32];
        var w = buf.Length;
        var u = unchecked((ulong)d);
        var neg = d < 0;
        if (neg)
            u = unchecked(0 - u);
        if (u < Second)
        {
            int prec;
            w--;
            buf[w] = 's';
            w--;
            if (u == 0)
                return "0s";
            if (u < 1_000)
            {
                prec = 0;
                buf[w] = 'n';
            }
            else if (u < 1_000_000)
            {
                prec = 3;
                buf[w] = '\u00b5';
            }
            else
            {
                prec = 6;
                buf[w] = 'm';
            }

            (w, u) = FormatFraction(buf, w, u, prec);
            w = FormatInt(buf, w, u);
        }
        else
        {
            w--;
            buf[w] = 's';
            (w, u) = FormatFraction(buf, w, u, 9);
            w = FormatInt(buf, w, u % 60);
            u /= 60;
            if (u > 0)
            {
                w--;
                buf[w] = 'm';
                w = FormatInt(buf, w, u % 60);
                u /= 60;
                if (u > 0)
                {
                    w--;
                    buf[w] = 'h';
                    w = FormatInt(buf, w, u);
                }
            }
        }

        if (neg)
        {
            w--;
            buf[w] = '-';
        }

        return new string(buf, w, buf.Length - w);
    }

    private static (int W, ulong V) FormatFraction(char[] buf, int w, ulong v, int prec)
    {
        var print = false;
        for (var i = 0; i < prec; i++)
        {
            var digit = v % 10;
            print = print || digit != 0;
            if (print)
            {
                w--;
                buf[w] = (char)(digit + '0');
            }

            v /= 10;
        }

        if (print)
        {
            w--;
            buf[w] = '.';
        }

        return (w, v);
    }

    private static int FormatInt(char[] buf, int w, ulong v)
    {
        if (v == 0)
        {
            w--;
            buf[w] = '0';
        }
        else
        {
            while (v > 0)
            {
                w--;
                buf[w] = (char)((v % 10) + '0');
                v /= 10;
            }
        }

        return w;
    }

    /// <summary>Go's <c>Duration.Round</c>.</summary>
    public static long Round(long d, long m)
    {
        if (m <= 0)
            return d;
        var r = d % m;
        if (d < 0)
        {
            r = -r;
            if (LessThanHalf(r, m))
                return d + r;
            var d1 = d - m + r;
            return d1 < d ? d1 : long.MinValue;
        }

        if (LessThanHalf(r, m))
            return d - r;
        var d2 = unchecked(d + m - r);
        return d2 > d ? d2 : long.MaxValue;
    }

    private static bool LessThanHalf(long x, long y) => unchecked((ulong)x + (ulong)x) < (ulong)y;
}
