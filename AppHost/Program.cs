using Platform.AppHost;

// Plays Aspire's AppHost role: builds nothing itself (the project references did that), starts
// the services' built dlls with Aspire's configuration names, and stops them cleanly.
if (!LauncherOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine($"[apphost] {error}");
    Console.Error.WriteLine("[apphost] run with --help for the options");
    return 2;
}

if (options.Help)
{
    Console.WriteLine(LauncherOptions.HelpText);
    return 0;
}

return await Launcher.RunAsync(options);
