using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project tests/PixelGen.Benchmarks -- --filter '*Frame*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
