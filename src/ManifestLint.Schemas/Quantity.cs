namespace ManifestLint.Schemas;

/// <summary>The syntax of <c>resource.Quantity</c> (k8s.io/apimachinery/pkg/api/resource): a signed decimal and a suffix.</summary>
public static class Quantity
{
    /// <summary>True when <paramref name="text"/> parses as a quantity: <c>500m</c>, <c>1.5Gi</c>, <c>2e3</c>, <c>+1</c>.</summary>
    public static bool IsValid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan();
        if (s.Length == 0)
            return false;
        var i = 0;
        if (s[i] is '+' or '-')
            i++;
        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
            return false;
        var suffix = s[i..];
        if (suffix.Length == 0)
            return true;
        if (suffix is "Ki" or "Mi" or "Gi" or "Ti" or "Pi" or "Ei" or "m" or "k" or "M" or "G" or "T" or "P" or "E")
            return true;
        if (suffix[0] is 'e' or 'E')
        {
            var exp = suffix[1..];
            if (exp.Length > 0 && exp[0] is '+' or '-')
                exp = exp[1..];
            return exp.Length > 0 && !exp.ContainsAnyExceptInRange('0', '9');
        }

        return false;
    }
}
