using ManifestLint.Schemas.Generator;

// Regenerates the embedded Kubernetes API data from ../shared/kubernetes:
//   dotnet run --project src/ManifestLint.Schemas.Generator -- [shared-dir] [output-dir]
var root = RepositoryRoot(Environment.CurrentDirectory);
var shared = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(root, "..", "shared"));
var output = args.Length > 1 ? args[1] : Path.Combine(root, "src", "ManifestLint.Schemas", "Data");
Directory.CreateDirectory(output);
File.WriteAllBytes(Path.Combine(output, "kubernetes-api.bin.gz"), SchemaDataWriter.Build(shared, Console.Out));
File.WriteAllText(Path.Combine(output, "api-lifecycle.tsv"), LifecycleTableWriter.Build(shared));
Console.WriteLine($"wrote {output}");

static string RepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ManifestLint.sln")))
            return dir.FullName;
    }

    throw new InvalidOperationException("run inside the repository (ManifestLint.sln not found)");
}
