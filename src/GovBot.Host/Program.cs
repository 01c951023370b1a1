using GovBot.Host;
using GovBot.Host.Backups;
using GovBot.Host.Staff;

// "hash-password": reads a password from standard input and prints the hash for Staff:BootstrapAdmin:PasswordHash.
if (args is ["hash-password", ..]) return StaffPasswordCommand.Run(Console.In, Console.Out, Console.Error);

// "backup [--out <dir>]" and "restore <backup> [--to <store>]": copy the store while the host runs, put a copy back while it is stopped (docs/backups.md).
if (BackupCommand.Matches(args)) return await BackupCommand.RunAsync(args, Console.Out, Console.Error);

// Everything else is in GovBotApp, which the emulator (src/GovBot.Emulator) shares.
var app = GovBotApp.Build(GovBotApp.CreateBuilder(args));
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
