using System.Globalization;

namespace ManifestLint.Kustomize;

/// <summary>
/// The mutable tree kustomize's transformers work on: a mapping (<see cref="KMap"/>), a sequence (<see cref="KList"/>)
/// or a scalar (string, long, ulong, double, bool or null, as yaml.v3 decodes them). Every entry and item carries the
/// <see cref="NodeOrigin"/> of the line that set it.
/// </summary>
internal static class KNode
{
    public static object? Clone(object? value) => value switch
    {
        KMap m => m.Clone(),
        KList l => l.Clone(),
        _ => value,
    };

    /// <summary>Scalars compare as kustomize compares them after a JSON round trip.</summary>
    public static bool ScalarEquals(object? a, object? b) => a switch
    {
        null => b is null,
        string s => b is string t && s == t,
        _ => b is not null and not KMap and not KList && ScalarText(a) == ScalarText(b),
    };

    public static string ScalarText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Gives every entry and item below <paramref name="value"/> the origin <paramref name="origin"/>.</summary>
    public static void Stamp(object? value, NodeOrigin origin)
    {
        switch (value)
        {
            case KMap m:
                foreach (var e in m.Entries)
                {
                    e.Origin = origin;
                    Stamp(e.Value, origin);
                }

                break;
            case KList l:
                foreach (var i in l.Items)
                {
                    i.Origin = origin;
                    Stamp(i.Value, origin);
                }

                break;
        }
    }
}
