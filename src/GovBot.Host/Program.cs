using GovBot.Data;
using GovBot.Host;
using GovBot.Host.Backups;
using GovBot.Host.CheckIns;
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
using GovBot.Host.StaffDirectory;
using GovBot.Host.Structure;
using GovBot.Host.WeCom;
using GovBot.Skills.Ai;
using GovBot.Skills.CheckIns;
using GovBot.Skills.Conversation;
using GovBot.Skills.GridContact;
using GovBot.Skills.Handoff;
using GovBot.Skills.Help;
using GovBot.Skills.MyRequests;
using GovBot.Skills.Nlu;
using GovBot.Skills.Onboarding;
using GovBot.Skills.Points;
using GovBot.Skills.Reminders;
using GovBot.Skills.Reports;
using GovBot.Skills.Services;
using GovBot.Skills.State;
using GovBot.Skills.Visits;
using GovBot.Skills.Volunteers;
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

// Data and state.
builder.AddGovBotData();
builder.AddGovBotState();

// The bot's features (GovBot.Skills): one AddGovBotX per feature folder, each with its own skills, options and reminders.
builder.AddGovBotNlu();
builder.AddGovBotAi();
builder.AddGovBotConversation();
builder.AddGovBotReminders();
builder.AddGovBotHelp();
builder.AddGovBotOnboarding();
builder.AddGovBotMyRequests();
builder.AddGovBotGridContact();
builder.AddGovBotReports();
builder.AddGovBotCheckIns();
builder.AddGovBotServices();
builder.AddGovBotVolunteers();
builder.AddGovBotPoints();
builder.AddGovBotWishes();
builder.AddGovBotHandoff();
builder.AddGovBotWorkerDesk();
builder.AddGovBotVisits();

// The host's side of them (GovBot.Host): one AddXHosting per feature folder.
builder.AddWeComHosting();
builder.AddReportsHosting();
builder.AddRemindersHosting();
builder.AddPrivacyHosting();
builder.AddBackupsHosting();
builder.AddOpen311Hosting();
builder.AddWeComEmulator();
builder.AddHealthHosting();
builder.AddStaffHosting();
builder.AddStructureHosting();
builder.AddStaffDirectoryHosting();
builder.AddNluHosting();

var app = builder.Build();

// The client's address and scheme first (from configured proxies only), then routing and who is calling.
app.UseTrustedProxies();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseStaffPageHeaders();

app.MapWeComHosting();
app.MapNluHosting();
app.MapOpen311Hosting();
app.MapCheckInsHosting();
app.MapServicesHosting();
app.MapPointsHosting();
app.MapRemindersHosting();
app.MapHealthHosting();
app.MapWeComEmulator();
app.MapStaffHosting();

if (chat is not null) return await chat.RunAsync(app);
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
