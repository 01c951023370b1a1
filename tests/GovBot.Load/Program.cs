using GovBot.Load;

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "GovBot.sln"))) root = root.Parent;
if (root is null)
{
    Console.Error.WriteLine("Run from inside the GovBot repository (GovBot.sln not found above the tool).");
    return 2;
}

try
{
    // "county-workbook --out FILE [--scale 1.0] [--time]": a generated county workbook, and how long importing it takes.
    if (args is ["county-workbook", .. var workbookArgs]) return await CountyWorkbookCommand.RunAsync(workbookArgs);
    // "county-size --workbook FILE …": that county imported through the staff pages, a year of work, the pages timed.
    if (args is ["county-size", .. var sizeArgs]) return await GovBot.Load.County.CountySizeRun.RunAsync(sizeArgs, root.FullName);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
Console.WriteLine($"Playing {options.Users} members, {options.Concurrency} messages in flight, for {options.Duration.TotalSeconds:0} s …");
var report = await new LoadRun(options, root.FullName).RunAsync(stop.Token);
Console.WriteLine(report.Table());
await File.WriteAllTextAsync(options.Output, report.Json());
Console.WriteLine($"JSON: {Path.GetFullPath(options.Output)}");
return report.Clean ? 0 : 1;
