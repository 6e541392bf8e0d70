using System.Globalization;
using ManifestLint.Benchmarks;

// Benchmarks that are timed commands over generated input (not timed tests):
//   dotnet run -c Release --project tests/ManifestLint.Benchmarks -- corpus <resources> <out-dir> [files]
//       writes the synthetic manifest repository bench.sh lints (a bare "<resources> <out-dir>" works too);
//   dotnet run -c Release --project tests/ManifestLint.Benchmarks -- render [components] [seconds] [engine|chart]
//       renders a generated Helm chart repeatedly and prints the template engine's throughput (MB/s);
//   dotnet run -c Release --project tests/ManifestLint.Benchmarks -- chart <components> <out-dir>
//       writes that chart, to time whole commands (manifestlint lint, manifestlint render) on it;
//   dotnet run -c Release --project tests/ManifestLint.Benchmarks -- hostile
//       times hostile templates (endless recursion, huge loops, deep nesting) to their error; exit 1 if one takes a second.
var rest = args.Length > 0 && args[0] is "corpus" or "render" or "hostile" or "chart" ? args[1..] : args;
if (args.Length > 2 && args[0] == "chart")
{
    RenderBenchmark.WriteChart(args[2], int.Parse(args[1], CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length > 0 && args[0] == "hostile")
    return HostileBenchmark.Run();

if (args.Length > 0 && args[0] == "render")
{
    var components = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 100;
    var seconds = rest.Length > 1 ? double.Parse(rest[1], CultureInfo.InvariantCulture) : 5;
    return RenderBenchmark.Run(components, TimeSpan.FromSeconds(seconds), rest.Length > 2 ? rest[2] : "both");
}

if (rest.Length < 2 || !int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var resources))
{
    Console.Error.WriteLine("usage: ManifestLint.Benchmarks corpus <resources> <out-dir> [files] | render [components] [seconds] [engine|chart] | chart <components> <out-dir> | hostile");
    return 2;
}

ManifestCorpus.Write(resources, rest[1], rest.Length > 2 ? int.Parse(rest[2], CultureInfo.InvariantCulture) : null);
return 0;
