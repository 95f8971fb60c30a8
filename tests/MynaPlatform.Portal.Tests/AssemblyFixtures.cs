using MynaPlatform.Platform.Testing;
using MynaPlatform.Portal.Tests;
using Xunit;

[assembly: AssemblyFixture(typeof(PlatformFixture))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]
