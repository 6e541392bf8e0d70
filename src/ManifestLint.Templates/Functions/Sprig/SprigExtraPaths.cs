using System.Text;
using static ManifestLint.Templates.Functions.Sprig.SprigExtraArgs;

namespace ManifestLint.Templates.Functions.Sprig;

/// <summary>
/// Go's <c>path</c> functions (slash-separated) and their <c>os*</c> forms, which use <c>path/filepath</c>:
/// on Linux, where Helm's reference runs, the two behave the same.
/// </summary>
internal static class SprigExtraPaths
{
    public static void Register(Dictionary<string, TemplateFunction> map)
    {
        foreach (var prefix in new[] { "", "os" })
        {
            string Name(string n) => prefix.Length == 0 ? n : prefix + char.ToUpperInvariant(n[0]) + n[1..];
            Add(map, Name("base"), [GoType.String], GoType.String, false, c => Base(Str(c[0])));
            Add(map, Name("dir"), [GoType.String], GoType.String, false, c => Dir(Str(c[0])));
            Add(map, Name("clean"), [GoType.String], GoType.String, false, c => Clean(Str(c[0])));
            Add(map, Name("ext"), [GoType.String], GoType.String, false, c => Ext(Str(c[0])));
            Add(map, Name("isAbs"), [GoType.String], GoType.Bool, false, c => Str(c[0]).StartsWith('/'));
        }
    }

    internal static string Base(string path)
    {
        if (path.Length == 0)
            return ".";
        path = path.TrimEnd('/');
        var i = path.LastIndexOf('/');
        if (i >= 0)
            path = path[(i + 1)..];
        return path.Length == 0 ? "/" : path;
    }

    internal static string Dir(string path) => Clean(path[..(path.LastIndexOf('/') + 1)]);

    internal static string Ext(string path)
    {
        for (var i = path.Length - 1; i >= 0 && path[i] != '/'; i--)
        {
            if (path[i] == '.')
                return path[i..];
        }

        return "";
    }

    /// <summary>Go's <c>path.Clean</c>: lexical processing of <c>.</c>, <c>..</c> and repeated slashes.</summary>
    internal static string Clean(string path)
    {
        if (path.Length == 0)
            return ".";
        var rooted = path[0] == '/';
        var n = path.Length;
        var output = new StringBuilder(n);
        int r = 0, dotdot = 0;
        if (rooted)
        {
            output.Append('/');
            r = 1;
            dotdot = 1;
        }

        while (r < n)
        {
            if (path[r] == '/')
            {
                r++;
            }
            else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/'))
            {
                r++;
            }
            else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == n || path[r + 2] == '/'))
            {
                r += 2;
                if (output.Length > dotdot)
                {
                    var w = output.Length - 1;
                    while (w > dotdot && output[w] != '/')
                        w--;
                    output.Length = w;
                }
                else if (!rooted)
                {
                    if (output.Length > 0)
                        output.Append('/');
                    output.Append("..");
                    dotdot = output.Length;
                }
            }
            else
            {
                if ((rooted && output.Length != 1) || (!rooted && output.Length != 0))
                    output.Append('/');
                for (; r < n && path[r] != '/'; r++)
                    output.Append(path[r]);
            }
        }

        return output.Length == 0 ? "." : output.ToString();
    }
}
