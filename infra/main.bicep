// ReviewBot in one resource group: identity, monitoring, Table storage, Key Vault, App Service and the
// Azure Bot. Local modules only (registry modules cannot be restored offline). `make infra` builds and
// lints this file; README "Deploy" says how to deploy it and what to do afterwards.
targetScope = 'resourceGroup'

@description('Name prefix for every resource, lower-case letters, digits and hyphens (e.g. reviewbot-lscb).')
@minLength(3)
@maxLength(20)
param baseName string

@description('Azure region for everything but the bot (the Azure Bot is global).')
param location string = resourceGroup().location

@description('Bot identity: UserAssignedMSI (no secret) or SingleTenant (an app registration whose secret goes in Key Vault).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s application (client) id.')
param botAppRegistrationId string = ''

@description('The bot\'s name in Teams.')
param botDisplayName string = 'ReviewBot'

@description('App Service plan SKU (P0v3 and up scale out to many instances).')
param planSku string = 'P0v3'

@description('Web app instances (two or more for availability).')
@minValue(1)
@maxValue(30)
param instanceCount int = 2

@description('Days the Log Analytics workspace keeps telemetry.')
@minValue(30)
param logRetentionDays int = 90

@description('Microsoft Graph endpoint (national clouds differ).')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('Further Graph settings, each written as app setting Graph__<name> (e.g. the board mailbox).')
param graphSettings object = {}

@description('Outlook actionable-message provider id (originator) from the Actionable Email Developer Dashboard; empty until registered.')
param outlookOriginatorId string = ''

@description('Tags for every resource.')
param tags object = {
  application: 'ReviewBot'
}

var suffix = uniqueString(resourceGroup().id, baseName)
var isManagedIdentityBot = botAppType == 'UserAssignedMSI'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${baseName}-id'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${replace(baseName, '-', '')}${suffix}', 24)
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('kv-${take(replace(baseName, '-', ''), 8)}-${suffix}', 24)
    location: location
    tags: tags
    principalId: identity.outputs.principalId
  }
}

var botAppId = isManagedIdentityBot ? identity.outputs.clientId : botAppRegistrationId

// The bot's own configuration keys (README "Configuration"); Program.cs reads them as Section__Key.
var botSettings = isManagedIdentityBot
  ? {
      Bot__AppType: 'UserAssignedMSI'
      Bot__ManagedIdentityClientId: identity.outputs.clientId
    }
  : {
      Bot__AppType: 'SingleTenant'
      Bot__AppPassword: '@Microsoft.KeyVault(VaultName=${vault.outputs.name};SecretName=bot-app-password)'
    }

var graphAppSettings = toObject(items(graphSettings), s => 'Graph__${s.key}', s => s.value)

var appSettings = union(
  botSettings,
  graphAppSettings,
  {
    Bot__AppId: botAppId
    Bot__TenantId: tenant().tenantId
    Storage__TableServiceUri: storage.outputs.tableServiceUri
    Storage__ManagedIdentityClientId: identity.outputs.clientId
    Graph__BaseUrl: graphBaseUrl
    Outlook__OriginatorId: outlookOriginatorId
  }
)

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    baseName: baseName
    location: location
    tags: tags
    planSku: planSku
    instanceCount: instanceCount
    identityId: identity.outputs.id
    insightsName: monitoring.outputs.insightsName
    appSettings: appSettings
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${baseName}-bot'
    displayName: botDisplayName
    appType: botAppType
    appId: botAppId
    identityId: identity.outputs.id
    endpoint: 'https://${web.outputs.defaultHostName}/api/messages'
    tags: tags
  }
}

@description('Web app host name: BOT_DOMAIN for make package.')
output botDomain string = web.outputs.defaultHostName

@description('The bot\'s Microsoft App ID: BOT_APP_ID for make package.')
output botAppId string = botAppId

@description('Web app name, for az webapp deploy.')
output webAppName string = web.outputs.name

@description('Azure Bot resource name, for removing the Web Chat channel.')
output botName string = bot.outputs.name

@description('Object id of the managed identity, for Graph app role assignments.')
output identityPrincipalId string = identity.outputs.principalId

@description('Key Vault name (SingleTenant: store the client secret as bot-app-password).')
output keyVaultName string = vault.outputs.name
