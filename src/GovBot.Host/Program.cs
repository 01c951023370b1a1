using GovBot.Data;
using GovBot.Host;
using GovBot.Host.Backups;
using GovBot.Host.CheckIns;
using GovBot.Host.StaffDirectory;
using GovBot.Host.Emulator;
using GovBot.Host.Health;
using GovBot.Host.Nlu;
using GovBot.Host.Open311;
using GovBot.Host.Points;
using GovBot.Host.Privacy;
using GovBot.Host.Reminders;
using GovBot.Host.Reports;
using GovBot.Host.Services;
using GovBot.Host.Staff;
using GovBot.Host.Structure;
using GovBot.Host.WeCom.Callback;
using GovBot.Host.WeCom.Outbox;
using GovBot.Skills.Ai;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation;
using GovBot.Skills.Handoff;
using GovBot.Skills.Nlu;
using GovBot.Skills.Reports;
using GovBot.Skills.Services;
using GovBot.Skills.State;
using GovBot.Skills.Wishes;
using GovBot.Skills.WorkerDesk;

// "hash-password": reads a password from standard input and prints the hash for Staff:BootstrapAdmin:PasswordHash.
if (args is ["hash-password", ..]) return StaffPasswordCommand.Run(Console.In, Console.Out, Console.Error);

// "backup [--out <dir>]" and "restore <backup> [--to <store>]": copy the store while the host runs, put a copy back while it is stopped (docs/backups.md).
if (BackupCommand.Matches(args)) return await BackupCommand.RunAsync(args, Console.Out, Console.Error);

// "chat --user <id>": the same host, with a chat on the terminal instead of waiting for a browser.
var chat = TerminalChat.FromArgs(args);
var builder = WebApplication.CreateBuilder(chat?.HostArgs ?? args);
builder.UseFallbackUrlsUnlessConfigured();

builder.AddGovBotData();
builder.AddGovBotState();
builder.AddGovBotNlu();
builder.AddGovBotAi();
builder.AddGovBotConversation();
builder.AddGovBotReports();
builder.AddGovBotCheckIns();
builder.AddGovBotServices();
builder.AddGovBotPointsAndWishes();
builder.AddGovBotHandoff();
builder.AddGovBotWorkerDesk();
builder.AddWeComOutbound();
builder.AddReportBackgroundWork();
builder.AddReminders();
builder.AddPersonalData();
builder.AddStoreBackups();
builder.AddWeComCallback();
builder.AddOpen311();
builder.AddWeComEmulator();
builder.AddGovBotHealth();
builder.AddStaffPages();
builder.AddCountyStructure();
builder.AddDirectorySync();
builder.AddStaffWebProtections();
builder.AddNluApi();

var app = builder.Build();

// The client's address and scheme first (from configured proxies only), then routing and who is calling.
app.UseTrustedProxies();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseStaffPageHeaders();

app.MapWeComCallback();
app.MapNluApi();
app.MapOpen311();
app.MapCheckInsApi();
app.MapServicesApi();
app.MapPointsApi();
app.MapRemindersApi();
app.MapGovBotHealth();
app.MapWeComEmulator();
app.MapStaffPages();

if (chat is not null) return await chat.RunAsync(app);
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
