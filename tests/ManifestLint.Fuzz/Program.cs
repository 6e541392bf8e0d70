using System.Diagnostics;
using System.Runtime.InteropServices;
using SharpFuzz;

namespace ManifestLint.Fuzz;

/// <summary>
/// Entry point of the fuzzing harness. <c>run TARGET</c> serves AFL++ through SharpFuzz; <c>replay</c> runs saved
/// inputs without AFL (CI smoke and crash triage); <c>seeds</c> writes a seed corpus. See fuzz/README.md.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage:
          ManifestLint.Fuzz list
          ManifestLint.Fuzz run TARGET [--in-process]        serve afl-fuzz (persistent mode)
          ManifestLint.Fuzz replay TARGET PATH...            run files (or every file of folders); exit 1 on a crash or hang
          ManifestLint.Fuzz seeds TARGET OUTDIR --repo DIR [--shared DIR]
        """;

    public static int Main(string[] args)
    {
        if (args.Length == 0)
            return Fail(Usage);
        if (args[0] == "list")
        {
            foreach (var t in Targets.All)
                Console.WriteLine($"{t.Name,-9} {t.Description}");
            return 0;
        }

        if (args.Length < 2)
            return Fail(Usage);
        var target = Targets.Find(args[1]);
        if (target is null)
            return Fail($"unknown target '{args[1]}' (targets: {string.Join(", ", Targets.All.Select(t => t.Name))})");

        switch (args[0])
        {
            case "run":
                if (args.Contains("--in-process"))
                    Fuzzer.Run(stream => target.Run(ReadAll(stream)));
                else
                    Fuzzer.OutOfProcess.Run(stream => target.Run(ReadAll(stream)));
                return 0;
            case "replay":
                return Replay(target, args[2..]);
            case "seeds":
                return args.Length < 3 ? Fail(Usage) : Seeds.Write(target.Name, args[2], Option(args, "--repo") ?? ".", Option(args, "--shared"));
            default:
                return Fail(Usage);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Runs each input once, in order; a crash prints the exception, a run over the time limit is a hang.</summary>
    private static unsafe int Replay(FuzzTarget target, string[] paths)
    {
        // Instrumented assemblies write coverage through this pointer; give them a map when no fuzzer does.
        if (SharpFuzz.Common.Trace.SharedMem == null)
            SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(1 << 16);
        var timeout = TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("MANIFESTLINT_FUZZ_REPLAY_TIMEOUT"), out var s) ? s : 20);
        var files = paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith("README.txt", StringComparison.Ordinal))
                : [p])
            .Order(StringComparer.Ordinal)
            .ToList();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            var run = Task.Factory.StartNew(() => target.Run(input), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                if (!run.Wait(timeout))
                {
                    failures++;
                    Console.WriteLine($"HANG  {target.Name} {file}: still running after {timeout.TotalSeconds:0} s");
                    break; // the stuck thread cannot be stopped; later results would be unreliable
                }
            }
            catch (AggregateException e)
            {
                failures++;
                Console.WriteLine($"CRASH {target.Name} {file}: {e.InnerException}");
            }
        }

        Console.WriteLine($"replay {target.Name}: {files.Count} input(s), {failures} crash(es)/hang(s), {clock.Elapsed.TotalSeconds:0.0} s");
        return failures == 0 ? 0 : 1;
    }
}
