using BenchmarkDotNet.Running;
using GovBot.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(CallbackCryptoBenchmarks).Assembly).Run(args);
