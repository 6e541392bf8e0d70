namespace ManifestLint.Schemas.Generator;

/// <summary>Enum-typed fields from <c>../shared/kubernetes/enums/v1.NN.tsv</c>: (definition, field) → values and shape.</summary>
internal sealed class EnumTable
{
    private readonly Dictionary<(string Definition, string Field), (string[] Values, string List)> _rows = [];

    public static EnumTable Load(string file)
    {
        var table = new EnumTable();
        var header = true;
        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            if (header)
            {
                header = false;
                continue;
            }

            var cols = line.Split('\t');
            var values = cols[5].Split(',').Select(v => v == "\"\"" ? string.Empty : v).ToArray();
            table._rows[(cols[7], cols[3])] = (values, cols[6]);
        }

        return table;
    }

    public bool TryGet(string definition, string field, out string[] values, out string list)
    {
        if (_rows.TryGetValue((definition, field), out var row))
        {
            values = row.Values;
            list = row.List;
            return true;
        }

        values = [];
        list = string.Empty;
        return false;
    }
}
