using System.Globalization;

namespace ManifestLint.Core.PodSecurity;

/// <summary>
/// A Pod Security Standards policy version: <c>latest</c> or <c>v1.NN</c>, as in the
/// <c>pod-security.kubernetes.io/&lt;mode&gt;-version</c> namespace labels.
/// </summary>
public readonly record struct PolicyVersion
{
    private PolicyVersion(int minor, bool isLatest)
    {
        Minor = minor;
        IsLatest = isLatest;
    }

    /// <summary>The newest policy: every control at its newest definition.</summary>
    public static PolicyVersion Latest { get; } = new(int.MaxValue, isLatest: true);

    /// <summary>The minor version (<c>v1.NN</c>); <see cref="int.MaxValue"/> for <see cref="Latest"/>.</summary>
    public int Minor { get; }

    public bool IsLatest { get; }

    public static PolicyVersion V1(int minor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        return new(minor, isLatest: false);
    }

    /// <summary>
    /// Parses <c>latest</c> or <c>v1.NN</c> (no leading zeros, no patch). Other text is invalid; Pod Security
    /// Admission then evaluates <c>latest</c>, so callers fall back to <see cref="Latest"/>.
    /// </summary>
    public static bool TryParse(string? text, out PolicyVersion version)
    {
        version = Latest;
        if (text is null)
            return false;
        if (text == "latest")
            return true;
        if (!text.StartsWith("v1.", StringComparison.Ordinal) || text.Length == 3)
            return false;
        var digits = text.AsSpan(3);
        if (digits.Length > 1 && digits[0] == '0')
            return false;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
                return false;
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            return false;
        version = V1(minor);
        return true;
    }

    /// <summary>True when this policy version includes a control definition introduced in <c>v1.<paramref name="minor"/></c>.</summary>
    public bool Includes(int minor) => Minor >= minor;

    public override string ToString() => IsLatest ? "latest" : string.Create(CultureInfo.InvariantCulture, $"v1.{Minor}");
}
